// Entry of the sandbox acquirer inside an Electron utility process (bundled to
// out/main/sandbox-utility.cjs). A packaged app cannot re-run its own binary as Node (the
// RunAsNode fuse is off), so the station forks this instead; a utility process ends with the app.
import { sandboxOptionsFromEnv } from '../payment-api/sandbox-launch';
import { runSandboxUntilSignal } from '../../src-sandbox/run-sandbox';

void runSandboxUntilSignal(sandboxOptionsFromEnv(process.env), process.stdout).then((code) =>
  process.exit(code),
);
