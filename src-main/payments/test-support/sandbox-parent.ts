// A stand-in station for the sandbox process test: starts the sandbox, prints its address,
// then idles until it is killed.
import { startSandboxProcess } from '../sandbox-process';

const sandbox = await startSandboxProcess({
  port: 0,
  dataDir: process.env.SANDBOX_DATA_DIR ?? '.',
});
process.stdout.write(`${JSON.stringify({ url: sandbox.url, pid: sandbox.pid })}\n`);
setInterval(() => {}, 60_000);
