import { clockSkew, providerCa } from '../payments/providers/clock-skew';
import { isAbsolute, join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { defaultDataDir, loadConfig } from '../config/load-config';
import { dayRange } from '../lib/local-day';
import { openLedger } from '../ledger/open-ledger';
import { ledgerOrderInfo } from '../payments/providers/ledger-order-info';
import { loadProviders } from '../payments/providers/load-providers';
import { reconcileProvider } from '../payments/providers/reconcile-provider';
import { wechatSign } from '../payments/providers/wechat/wechat-sign';
import { UsageError, writeJsonLine, type CliIo } from './command';

const HELP = `Usage: countersign provider <check|sign|query|bill> [options] [--data-dir DIR]

  check                      load each configured provider's credential files (permissions
                             included) and measure the clock skew with its API host
  sign --provider wechat --key K --params JSON [--sign-type MD5|HMAC-SHA256]
                             print the WeChat Pay v2 signature of the parameters, to compare
                             with WeChat's own signature checker
  query ORDER [--provider NAME]
                             ask the provider about an attempt (its id is the order number sent)
  bill DATE [--provider NAME]
                             fetch the provider's bill for the day and reconcile it with the
                             ledger; exit 1 when they differ
Credentials are never printed.
`;

const paramsSchema = z.record(z.string(), z.union([z.string(), z.number()]).transform(String));

/** `countersign provider`: support tools for the real payment providers. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      provider: { type: 'string' },
      key: { type: 'string' },
      params: { type: 'string' },
      'sign-type': { type: 'string', default: 'MD5' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  const [sub, arg] = positionals;
  if (values.help || !sub) {
    io.stdout.write(HELP);
    return values.help ? 0 : 2;
  }
  if (sub === 'sign') {
    if (values.provider !== 'wechat')
      throw new UsageError(
        'sign: --provider wechat (Alipay signs with alipay-sdk and your private key)',
      );
    if (!values.key || !values.params)
      throw new UsageError('sign: --key and --params are required');
    const type = values['sign-type'];
    if (type !== 'MD5' && type !== 'HMAC-SHA256')
      throw new UsageError('--sign-type is MD5 or HMAC-SHA256');
    let json: unknown;
    try {
      json = JSON.parse(values.params);
    } catch {
      throw new UsageError('--params is not JSON, e.g. {"appid":"wx…","mch_id":"…"}');
    }
    const params = paramsSchema.safeParse(json);
    if (!params.success) throw new UsageError('--params is a JSON object of strings and numbers');
    io.stdout.write(`${wechatSign(params.data, values.key, type)}\n`);
    return 0;
  }
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const config = loadConfig(dataDir);
  if (sub === 'check') {
    const loaded = loadProviders(config.providers, dataDir, () => null);
    let ok = true;
    for (const [name, cfg] of Object.entries({
      wechat: config.providers.wechat,
      alipay: config.providers.alipay,
    })) {
      if (!cfg) continue;
      const problem = loaded.problems[name];
      ok &&= !problem;
      writeJsonLine(io.stdout, {
        provider: name,
        credentials: problem ?? 'loaded',
        clockSkewMs: await clockSkew(
          cfg.url,
          Date.now,
          providerCa(config.providers, dataDir, name),
        ),
      });
    }
    loaded.gateways.forEach((g) => g.close?.());
    if (!config.providers.wechat && !config.providers.alipay)
      io.stdout.write('no real provider is configured (every platform goes to the sandbox)\n');
    return ok ? 0 : 1;
  }
  if (sub !== 'query' && sub !== 'bill')
    throw new UsageError(`unknown sub-command '${sub}'\n\n${HELP}`);
  if (!arg)
    throw new UsageError(
      sub === 'query' ? 'query ORDER: the attempt id' : 'bill DATE: a day like 2026-11-22',
    );
  if (sub === 'bill' && !dayRange(arg))
    throw new UsageError(`'${arg}' is not a date like 2026-11-22`);
  const file = isAbsolute(config.ledger.file)
    ? config.ledger.file
    : join(dataDir, config.ledger.file);
  const ledger = openLedger(file);
  const loaded = loadProviders(
    config.providers,
    dataDir,
    ledgerOrderInfo(ledger, config.store.name),
  );
  try {
    const name =
      values.provider ?? (sub === 'query' ? ledger.getAttempt(arg)?.provider : undefined);
    if (!name) throw new UsageError('--provider is required (wechat or alipay)');
    const gateway = loaded.gateways.find((g) => g.name === name);
    if (!gateway) throw new Error(loaded.problems[name] ?? `no provider ${name} is configured`);
    if (sub === 'query') {
      writeJsonLine(io.stdout, await gateway.query(arg));
      return 0;
    }
    const r = await reconcileProvider(ledger, gateway, arg);
    if (!r.ok) throw new Error(r.error);
    writeJsonLine(io.stdout, { provider: name, ...r.value });
    return r.value.balanced ? 0 : 1;
  } finally {
    loaded.gateways.forEach((g) => g.close?.());
    ledger.close();
  }
}
