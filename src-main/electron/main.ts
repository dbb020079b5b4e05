import { startShell } from './shell';

// Entry of the Electron main process (bundled to out/main/electron-main.cjs by build.mjs).
// The lead wires capture → OCR here: startShell({ onCapture: (station, logger) => … }).
startShell();
