import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli/main';
import { configSchema } from '../config/schema';
import { openLedger } from '../ledger/open-ledger';
import { selfSigned } from '../payments/test-support/test-tls';
import { setupHqSync } from '../station/setup-hq-sync';
import { createHqServer } from './hq-server';
import { settingsStateFile } from './station-settings';
import { ADMIN, payOnce, startHq, waitFor, type HqHarness } from './test-support/hq-harness';
import { postgresMissing } from './test-support/postgres';

// Station ↔ HQ over HTTPS with HQ's own self-signed certificate, which the station trusts only
// because its config names it (hq.caFile): enrolment and sync work; without it, neither does.

let hq: HqHarness;
let dir: string;
let tlsHq: Server;
let httpsUrl: string;

beforeAll(async () => {
  if (postgresMissing) return;
  dir = mkdtempSync(join(tmpdir(), 'cs-hq-tls-'));
  hq = await startHq();
  // A second HQ instance over the same database (HQ is stateless), serving HTTPS.
  const tls = selfSigned(dir, 'hq', 'hq.test');
  writeFileSync(join(dir, 'hq-cert.pem'), tls.cert);
  tlsHq = createHqServer({ db: hq.db, adminToken: ADMIN, tls }) as Server;
  tlsHq.listen(0, '127.0.0.1');
  await once(tlsHq, 'listening');
  httpsUrl = `https://127.0.0.1:${(tlsHq.address() as AddressInfo).port}`;
});
afterAll(async () => {
  tlsHq?.closeAllConnections();
  tlsHq?.close();
  await hq?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(postgresMissing)('HQ over HTTPS with a self-signed certificate', () => {
  it('enrols and syncs when hq.caFile names the certificate, and refuses to otherwise', async () => {
    const dataDir = mkdtempSync(join(dir, 'station-'));
    const out = new PassThrough();
    const io = { stdout: out, stderr: out, stdin: new PassThrough() };
    const code = async () =>
      (await hq.admin('POST', '/v1/admin/codes', { storeId: 't1', stationId: 'till-1' })).body
        .code as string;
    // Without the CA: the certificate is not trusted, nothing is sent.
    expect(
      await main(['hq', 'join', await code(), '--url', httpsUrl, '--data-dir', dataDir], io),
    ).toBe(1);
    expect(String(out.read())).toMatch(/self[- ]signed certificate/);
    // The station's config trusts HQ's certificate (a path relative to the data directory).
    writeFileSync(join(dataDir, 'hq-ca.pem'), readFileSync(join(dir, 'hq-cert.pem')));
    writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ hq: { caFile: 'hq-ca.pem' } }));
    // Settings applied from another HQ before: joining this one starts from none.
    const stale = { revision: 9, state: 'applied', message: 'x', at: 1 };
    writeFileSync(settingsStateFile(dataDir), JSON.stringify(stale));
    expect(
      await main(['hq', 'join', await code(), '--url', httpsUrl, '--data-dir', dataDir], io),
    ).toBe(0);

    expect(existsSync(settingsStateFile(dataDir))).toBe(false);
    const ledger = openLedger(join(dataDir, 'ledger.sqlite'), { synchronous: 'NORMAL' });
    const base = { ...configSchema.parse({}).hq, syncSeconds: 1 };
    payOnce(ledger, 'o1', 2500);
    // A station whose config does not name the CA keeps everything and says why.
    const untrusting = setupHqSync({
      dataDir,
      config: base,
      ledger,
      logger: pino({ level: 'silent' }),
      version: '0.1.0',
    })!;
    await waitFor(() => untrusting.status().state === 'retrying');
    expect(untrusting.status().message).toMatch(/self[- ]signed certificate/);
    await untrusting.stop();
    expect(ledger.outbox.pending().count).toBe(6);

    const sync = setupHqSync({
      dataDir,
      config: { ...base, caFile: 'hq-ca.pem' },
      ledger,
      logger: pino({ level: 'silent' }),
      version: '0.1.0',
    })!;
    await waitFor(() => ledger.outbox.pending().count === 0);
    await sync.stop();
    const listed = (await hq.admin('GET', '/v1/stations')).body.stations.find(
      (s: { storeId: string }) => s.storeId === 't1',
    );
    expect(listed).toMatchObject({ status: 'active', lastSeq: 6 });
    ledger.close();
  });
});
