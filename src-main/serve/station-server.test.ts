import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { parseConfig } from '../config/load-config';
import { createStation, type Station } from '../station/create-station';
import { checkListenPolicy, startStationServer, type StationServer } from './station-server';

/** A raw WebSocket client that collects every frame, for asserting on the wire itself. */
async function connect(server: StationServer) {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/ws`);
  const frames: Array<Record<string, unknown>> = [];
  const waiters: Array<() => void> = [];
  ws.on('message', (m) => {
    frames.push(JSON.parse(String(m)));
    waiters.splice(0).forEach((w) => w());
  });
  await new Promise((r) => ws.once('open', r));
  const next = async (pred: (f: Record<string, unknown>) => boolean, ms = 2000) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = frames.find(pred);
      if (found) {
        frames.splice(frames.indexOf(found), 1);
        return found;
      }
      if (Date.now() > deadline)
        throw new Error(`no matching frame; have ${JSON.stringify(frames)}`);
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 50);
      });
    }
  };
  let id = 0;
  const call = async (command: string, input: unknown) => {
    const myId = ++id;
    ws.send(JSON.stringify({ type: 'call', id: myId, command, input }));
    return next((f) => f.id === myId);
  };
  return {
    ws,
    frames,
    next,
    call,
    send: (v: unknown) => ws.send(typeof v === 'string' ? v : JSON.stringify(v)),
  };
}

const order = {
  lines: [{ id: 'l1', name: 'Tea', quantity: '2', unitPrice: 350, amount: 700 }],
  adjustments: [],
  total: 700,
};

describe('station server over raw WebSocket', () => {
  let station: Station;
  let server: StationServer;
  let pages: string;

  beforeEach(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cs-server-'));
    pages = join(dataDir, 'pages');
    for (const role of ['cashier', 'customer']) {
      mkdirSync(join(pages, role), { recursive: true });
      writeFileSync(
        join(pages, role, 'index.html'),
        `<html><head><title>${role}</title></head></html>`,
      );
    }
    station = await createStation({
      dataDir,
      config: parseConfig({}),
      logger: pino({ level: 'silent' }),
      parts: { capture: false, payments: false, devices: false },
    });
    server = await startStationServer({
      station,
      logger: pino({ level: 'silent' }),
      host: '127.0.0.1',
      port: 0,
      pagesDir: pages,
    });
  });
  afterEach(async () => {
    await server.close();
    await station.close();
  });

  const cashier = async () => {
    const c = await connect(server);
    c.send({ type: 'hello', role: 'cashier', token: server.cashierToken });
    await c.next((f) => f.type === 'welcome');
    return c;
  };

  it('an unpaired client reads nothing and can call nothing', async () => {
    const c = await connect(server);
    expect(await c.call('checkout.get', {})).toMatchObject({
      type: 'error',
      error: { code: 'not_paired' },
    });
    expect(await c.call('checkout.confirm', { revision: 0 })).toMatchObject({
      type: 'error',
      error: { code: 'not_paired' },
    });
    c.send({ type: 'hello', role: 'customer', token: 'made-up-token-0123456789' });
    expect(await c.next((f) => f.type === 'error')).toMatchObject({
      error: { code: 'not_paired' },
    });
    // Changes made meanwhile are not pushed to it either.
    const k = await cashier();
    await k.call('order.submit', { order });
    await new Promise((r) => setTimeout(r, 150));
    expect(c.frames.filter((f) => f.type === 'event')).toEqual([]);
    c.ws.close();
    k.ws.close();
  });

  it('pairs with a one-time code, then the customer sees the checkout but may not call cashier commands', async () => {
    const k = await cashier();
    const code = (await k.call('pairing.create', {})) as { result: { value: { code: string } } };
    const c = await connect(server);
    c.send({ type: 'pair', code: code.result.value.code, deviceName: 'Tablet' });
    const paired = await c.next((f) => f.type === 'paired');
    expect(typeof paired.token).toBe('string');
    await c.next((f) => f.type === 'welcome');
    expect(await c.call('order.submit', { order })).toMatchObject({
      result: { ok: false, error: { code: 'forbidden' } },
    });
    expect(await c.call('pairing.create', {})).toMatchObject({
      result: { ok: false, error: { code: 'forbidden' } },
    });
    await k.call('order.submit', { order });
    expect(await c.next((f) => f.type === 'event')).toMatchObject({
      name: 'checkout.snapshot',
      payload: { phase: 'review' },
    });

    // The code works once; the device token works again on a new connection.
    const again = await connect(server);
    again.send({ type: 'pair', code: code.result.value.code, deviceName: 'Other' });
    expect(await again.next((f) => f.type === 'error')).toMatchObject({
      error: { code: 'not_paired' },
    });
    again.send({ type: 'hello', role: 'customer', token: paired.token });
    await again.next((f) => f.type === 'welcome');
    expect(await again.call('checkout.get', {})).toMatchObject({
      result: { ok: true, value: { phase: 'review' } },
    });
    for (const x of [k, c, again]) x.ws.close();
  });

  it('a customer token cannot be used to claim the cashier role', async () => {
    const k = await cashier();
    const { result } = (await k.call('pairing.create', {})) as {
      result: { value: { code: string } };
    };
    const c = await connect(server);
    c.send({ type: 'pair', code: result.value.code, deviceName: 'Tablet' });
    const { token } = await c.next((f) => f.type === 'paired');
    const fake = await connect(server);
    fake.send({ type: 'hello', role: 'cashier', token });
    expect(await fake.next((f) => f.type === 'error')).toMatchObject({
      error: { code: 'not_paired' },
    });
    for (const x of [k, c, fake]) x.ws.close();
  });

  it('malformed, oversized and off-contract messages get an error reply; the connection and checkout survive', async () => {
    const k = await cashier();
    await k.call('order.submit', { order });
    k.send('{not json');
    expect(await k.next((f) => f.type === 'error')).toMatchObject({
      error: { code: 'malformed_message' },
    });
    k.send('x'.repeat(300 * 1024));
    expect(await k.next((f) => f.type === 'error')).toMatchObject({
      error: { code: 'message_too_large' },
    });
    k.send({ type: 'call', id: 7 });
    expect(await k.next((f) => f.id === 7)).toMatchObject({ error: { code: 'malformed_message' } });
    expect(await k.call('no.such.command', {})).toMatchObject({
      result: { ok: false, error: { code: 'unknown_command' } },
    });
    expect(await k.call('order.submit', { order: { ...order, total: 'lots' } })).toMatchObject({
      result: { ok: false, error: { code: 'invalid_input' } },
    });
    expect(await k.call('checkout.get', {})).toMatchObject({
      result: { ok: true, value: { phase: 'review', order: { total: 700 } } },
    });
    k.ws.close();
  });

  it('serves the cashier page with its token to this machine, and refuses paths outside the pages', async () => {
    const page = await fetch(`${server.url}/cashier/`);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).toContain(`content="${server.cashierToken}"`);
    const customer = await (await fetch(`${server.url}/customer/`)).text();
    expect(customer).not.toContain(server.cashierToken);
    expect((await fetch(`${server.url}/customer/..%2f..%2fpackage.json`)).status).toBe(403);
  });

  it('refuses a cross-site WebSocket origin', async () => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/ws`, {
      headers: { Origin: 'http://evil.example' },
    });
    const outcome = await new Promise((r) => {
      ws.once('open', () => r('open'));
      ws.once('error', () => r('refused'));
    });
    expect(outcome).toBe('refused');
  });
});

describe('listen policy', () => {
  it.each([
    ['127.0.0.1', false, null],
    ['localhost', false, null],
    ['::1', false, null],
    ['0.0.0.0', true, null],
    ['0.0.0.0', false, 'Refusing to listen on 0.0.0.0 without pairing'],
    ['192.168.1.20', false, 'Refusing to listen on 192.168.1.20 without pairing'],
  ])('host %s, pairing %s', (host, pairing, expected) => {
    const reason = checkListenPolicy(host, pairing);
    if (expected === null) expect(reason).toBeNull();
    else expect(reason).toContain(expected);
  });
});
