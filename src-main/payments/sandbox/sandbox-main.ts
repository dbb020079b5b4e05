/**
 * Entry point of the sandbox as its own process (what startSandboxProcess spawns).
 * Options come from the environment so no secret shows in the process list.
 */
import { runSandboxUntilSignal } from './run-sandbox';

const env = process.env;
const [proxyTimeoutMs, qrLifeMs] = (env.SANDBOX_WAITS ?? '').split(',').map(Number);
const code = await runSandboxUntilSignal(
  {
    port: Number(env.SANDBOX_PORT ?? 0),
    dataDir: env.SANDBOX_DATA_DIR ?? '.',
    passwordAbove: env.SANDBOX_PASSWORD_ABOVE ? Number(env.SANDBOX_PASSWORD_ABOVE) : undefined,
    merchantId: env.SANDBOX_MERCHANT_ID,
    key: env.SANDBOX_KEY,
    adminToken: env.SANDBOX_ADMIN_TOKEN,
    proxyTimeoutMs: proxyTimeoutMs || undefined,
    qrLifeMs: qrLifeMs || undefined,
  },
  process.stdout,
);
// stdin is being watched for the station going away; exit explicitly rather than wait on it.
process.exit(code);
