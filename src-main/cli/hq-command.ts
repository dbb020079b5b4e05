import { readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { defaultDataDir, loadConfig } from '../config/load-config';
import { enrolWithCode } from '../hq/hq-client';
import { migrateHqDb, openHqDb } from '../hq/hq-db';
import { createHqServer } from '../hq/hq-server';
import { issueEnrolmentCode, revokeStation } from '../hq/enrolment';
import { reconcileAndStore, reconcileQuerySchema } from '../hq/hq-reconcile';
import { chainReport, listStations, reportQuerySchema } from '../hq/hq-reports';
import { listStoreSettings, setStoreSettings, settingsProblem } from '../hq/hq-settings';
import {
  loadStationCredential,
  resolveCaFile,
  saveStationCredential,
} from '../hq/station-credential';
import { settingsStateFile } from '../hq/station-settings';
import { idSchema } from '../hq/wire';
import { UsageError, writeJsonLine, type CliIo } from './command';

const HELP = `Usage: countersign hq <action> [options]

At headquarters (database: --db URL or COUNTERSIGN_HQ_DB):
  serve [--port 4800] [--host 0.0.0.0] [--tls-key F --tls-cert F]
                              run HQ (admin token: COUNTERSIGN_HQ_ADMIN_TOKEN or --admin-token-file)
  migrate                     apply the schema migrations and exit
  code --store S --station T  a one-time enrolment code for that station (valid 24 h)
  revoke --store S --station T
  stations                    every station: last sync, version, health (JSON lines)
  report --from DAY --to DAY [--by store,station,day,method,provider] [--store S]
  reconcile --provider P --format wechat|alipay|csv --date DAY --file F
                              a provider's daily statement against every store's payments
  settings [--store S,S2 | --all] [--file settings.json]
                              push settings (a part of config.json) to stores; alone: list them

At a station (--data-dir DIR):
  join CODE --url URL [--ca F] enrol this station with a code from HQ's admin (--ca: PEM of a
                              private CA for an HTTPS HQ; else config.json's hq.caFile)
  status                      which HQ this station is enrolled with, and what waits to be sent
See docs/hq.md.
`;

const ref = (v: { store?: string; station?: string }) => {
  const storeId = idSchema.safeParse(v.store);
  const stationId = idSchema.safeParse(v.station);
  if (!storeId.success || !stationId.success)
    throw new UsageError('--store and --station are needed (letters, digits, - and _)');
  return { storeId: storeId.data, stationId: stationId.data };
};

/** `countersign hq`: run headquarters, administer it, or enrol this station. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      port: { type: 'string', default: '4800' },
      host: { type: 'string', default: '127.0.0.1' },
      'tls-key': { type: 'string' },
      'tls-cert': { type: 'string' },
      'admin-token-file': { type: 'string' },
      store: { type: 'string' },
      station: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      by: { type: 'string' },
      url: { type: 'string' },
      'data-dir': { type: 'string' },
      ca: { type: 'string' },
      provider: { type: 'string' },
      format: { type: 'string' },
      date: { type: 'string' },
      file: { type: 'string' },
      all: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  const [action, arg] = positionals;
  if (values.help || !action) {
    io.stdout.write(HELP);
    return values.help ? 0 : 2;
  }
  const dataDir = values['data-dir'] ?? defaultDataDir();
  if (action === 'join') {
    if (!arg || !values.url) throw new UsageError('join needs the code and --url of HQ');
    // The same CA file the sync will use (config hq.caFile, relative to the data directory).
    const caFile = values.ca ?? resolveCaFile(dataDir, loadConfig(dataDir).hq.caFile);
    const r = await enrolWithCode(
      { url: values.url, ca: caFile ? readFileSync(caFile, 'utf8') : undefined },
      arg,
      process.env.npm_package_version ?? '0.1.0',
    );
    if (!r.ok) {
      io.stderr.write(`countersign hq: ${r.message}\n`);
      return 1;
    }
    saveStationCredential(dataDir, { url: values.url, ...r.value });
    // Settings revisions are per HQ and store: a station joining afresh starts from none.
    rmSync(settingsStateFile(dataDir), { force: true });
    writeJsonLine(io.stdout, {
      enrolled: `${r.value.storeId}/${r.value.stationId}`,
      url: values.url,
    });
    return 0;
  }
  if (action === 'status') {
    const c = loadStationCredential(dataDir);
    writeJsonLine(
      io.stdout,
      c ? { url: c.url, storeId: c.storeId, stationId: c.stationId } : { enrolled: false },
    );
    return 0;
  }
  const url = values.db ?? process.env.COUNTERSIGN_HQ_DB;
  if (!url) throw new UsageError('the HQ database is needed: --db URL or COUNTERSIGN_HQ_DB');
  const db = openHqDb(url);
  if (action === 'serve') {
    await migrateHqDb(db);
    const adminToken = values['admin-token-file']
      ? readFileSync(values['admin-token-file'], 'utf8').trim()
      : process.env.COUNTERSIGN_HQ_ADMIN_TOKEN;
    if (!adminToken || adminToken.length < 16)
      throw new UsageError(
        'an admin token of 16+ characters is needed (COUNTERSIGN_HQ_ADMIN_TOKEN or --admin-token-file)',
      );
    const tls =
      values['tls-key'] && values['tls-cert']
        ? {
            key: readFileSync(values['tls-key'], 'utf8'),
            cert: readFileSync(values['tls-cert'], 'utf8'),
          }
        : undefined;
    const server = createHqServer({ db, adminToken, tls, log: (e) => writeJsonLine(io.stderr, e) });
    server.listen(Number(values.port), values.host);
    await once(server, 'listening');
    writeJsonLine(io.stdout, {
      event: 'listening',
      url: `${tls ? 'https' : 'http'}://${values.host}:${values.port}`,
    });
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    server.close();
    await db.end();
    return 0;
  }
  try {
    switch (action) {
      case 'migrate':
        writeJsonLine(io.stdout, { applied: await migrateHqDb(db) });
        return 0;
      case 'code':
        writeJsonLine(io.stdout, await issueEnrolmentCode(db, ref(values)));
        return 0;
      case 'revoke': {
        const done = await revokeStation(db, ref(values));
        writeJsonLine(io.stdout, { revoked: done });
        return done ? 0 : 1;
      }
      case 'stations':
        for (const s of await listStations(db)) writeJsonLine(io.stdout, s);
        return 0;
      case 'report': {
        const q = reportQuerySchema.safeParse({
          from: values.from,
          to: values.to,
          by: values.by,
          store: values.store,
        });
        if (!q.success) throw new UsageError(q.error.issues[0]?.message ?? 'bad report options');
        for (const row of await chainReport(db, q.data)) writeJsonLine(io.stdout, row);
        return 0;
      }
      case 'reconcile': {
        const q = reconcileQuerySchema.safeParse({
          provider: values.provider,
          format: values.format,
          date: values.date,
        });
        if (!q.success || !values.file)
          throw new UsageError(
            `reconcile needs --provider, --format (wechat, alipay, csv), --date and --file${q.success ? '' : `: ${q.error.issues[0]?.path.join('.')} ${q.error.issues[0]?.message}`}`,
          );
        const r = await reconcileAndStore(db, q.data, readFileSync(values.file));
        if (!r.ok) {
          io.stderr.write(`countersign hq: ${r.error}\n`);
          return 1;
        }
        writeJsonLine(io.stdout, r.value);
        return 0;
      }
      case 'settings': {
        if (!values.file) {
          for (const s of await listStoreSettings(db)) writeJsonLine(io.stdout, s);
          return 0;
        }
        const stores = values.all ? 'all' : (values.store ?? '').split(',').filter(Boolean);
        if (
          stores !== 'all' &&
          (stores.length === 0 || !stores.every((x) => idSchema.safeParse(x).success))
        )
          throw new UsageError('settings needs --store S[,S2…] or --all');
        let settings: unknown;
        try {
          settings = JSON.parse(readFileSync(values.file, 'utf8'));
        } catch (error) {
          throw new UsageError(`${values.file} is not JSON: ${(error as Error).message}`);
        }
        const problem = settingsProblem(settings);
        if (problem) {
          io.stderr.write(`countersign hq: ${problem}\n`);
          return 1;
        }
        for (const s of await setStoreSettings(db, stores, settings as Record<string, unknown>))
          writeJsonLine(io.stdout, s);
        return 0;
      }
      default:
        throw new UsageError(`unknown action '${action}'`);
    }
  } finally {
    await db.end();
  }
}
