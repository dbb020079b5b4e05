// Entry of the sandbox acquirer inside an Electron utility process (bundled to
// out/main/sandbox-utility.cjs). A packaged app cannot re-run its own binary as Node (the
// RunAsNode fuse is off), so the station forks this instead; a utility process ends with the app.
import { runSandboxUntilSignal } from '../payments/sandbox/run-sandbox';

const env = process.env;
void runSandboxUntilSignal(
  {
    port: Number(env.SANDBOX_PORT ?? 0),
    dataDir: env.SANDBOX_DATA_DIR ?? '.',
    passwordAbove: env.SANDBOX_PASSWORD_ABOVE ? Number(env.SANDBOX_PASSWORD_ABOVE) : undefined,
    merchantId: env.SANDBOX_MERCHANT_ID,
    key: env.SANDBOX_KEY,
    adminToken: env.SANDBOX_ADMIN_TOKEN,
  },
  process.stdout,
).then((code) => process.exit(code));
