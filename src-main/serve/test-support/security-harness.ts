import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import WebSocket from 'ws';
import { parseConfig } from '../../config/load-config';
import { createStation, type Station } from '../../station/create-station';
import {
  startStationServer,
  type StationServer,
  type StationServerOptions,
} from '../station-server';

type Frame = Record<string, unknown>;

/** A real station core behind a real server on a free port, with throwaway pages and data. */
export async function startTestStation(
  options: Partial<Omit<StationServerOptions, 'station' | 'logger'>> = {},
): Promise<{ station: Station; server: StationServer; dataDir: string; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cs-security-'));
  const pagesDir = join(dataDir, 'pages');
  for (const role of ['cashier', 'customer']) {
    mkdirSync(join(pagesDir, role), { recursive: true });
    writeFileSync(
      join(pagesDir, role, 'index.html'),
      `<html><head><title>${role}</title></head></html>`,
    );
  }
  const station = await createStation({
    dataDir,
    config: parseConfig({}),
    logger: pino({ level: 'silent' }),
    parts: { capture: false, payments: false, devices: false },
  });
  const server = await startStationServer({
    station,
    logger: pino({ level: 'silent' }),
    host: '127.0.0.1',
    port: 0,
    pagesDir,
    ...options,
  });
  return {
    station,
    server,
    dataDir,
    async stop() {
      await server.close();
      await station.close();
    },
  };
}

/** A plain HTTP GET with headers of our choosing (fetch will not let us set Host). */
export function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A raw WebSocket client that collects frames; `opened` rejects with the refusal if refused. */
export function openWs(
  server: StationServer,
  options: { headers?: Record<string, string>; localAddress?: string } = {},
) {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/ws`, options);
  const frames: Frame[] = [];
  ws.on('message', (m) => frames.push(JSON.parse(String(m)) as Frame));
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => reject(new Error(`${res.statusCode} ${body}`)));
    });
    ws.once('error', reject);
  });
  opened.catch(() => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  /** The first frame (taken off the list) that matches, waiting up to `ms`. */
  const next = async (pred: (f: Frame) => boolean, ms = 3000): Promise<Frame> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const i = frames.findIndex(pred);
      if (i >= 0) return frames.splice(i, 1)[0]!;
      if (Date.now() > deadline)
        throw new Error(`no matching frame; have ${JSON.stringify(frames)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  let id = 0;
  const send = (v: unknown) => ws.send(JSON.stringify(v));
  const call = (command: string, input: unknown = {}) => {
    const myId = ++id;
    send({ type: 'call', id: myId, command, input });
    return next((f) => f.id === myId);
  };
  return { ws, frames, opened, closed, next, send, call };
}

/** A cashier connection that has said hello. */
export async function cashierWs(server: StationServer) {
  const c = openWs(server);
  await c.opened;
  c.send({ type: 'hello', role: 'cashier', token: server.cashierToken });
  await c.next((f) => f.type === 'welcome');
  return c;
}

/** A fresh pairing code from the cashier. */
export async function pairingCode(cashier: Awaited<ReturnType<typeof cashierWs>>) {
  const r = (await cashier.call('pairing.create')) as { result: { value: { code: string } } };
  return r.result.value.code;
}
