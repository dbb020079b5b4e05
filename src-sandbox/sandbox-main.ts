/**
 * Entry point of the sandbox as its own process (what startSandboxProcess spawns).
 * Options come from the environment (payment-api/sandbox-launch.ts) so no secret shows in the
 * process list.
 */
import { sandboxOptionsFromEnv } from '../src-main/payment-api/sandbox-launch';
import { runSandboxUntilSignal } from './run-sandbox';

const code = await runSandboxUntilSignal(sandboxOptionsFromEnv(process.env), process.stdout);
// stdin is being watched for the station going away; exit explicitly rather than wait on it.
process.exit(code);
