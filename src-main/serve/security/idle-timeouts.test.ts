import { connect, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLOSE_HELLO_TIMEOUT } from '../ws-endpoint';
import { cashierWs, openWs, startTestStation } from '../test-support/security-harness';

/** A raw TCP connection to the station, and when the station closed it (ms after opening). */
async function rawSocket(port: number): Promise<{ socket: Socket; closedAfter: Promise<number> }> {
  const socket = connect(port, '127.0.0.1');
  const start = Date.now();
  await new Promise((r) => socket.once('connect', r));
  socket.on('error', () => undefined);
  socket.resume(); // read the station's 408 answer, or 'close' waits behind it
  // Infinity when the station has not closed it within 3 s (a failure, not a hung test).
  const closedAfter = new Promise<number>((r) => {
    socket.once('close', () => r(Date.now() - start));
    setTimeout(() => r(Infinity), 3000);
  });
  return { socket, closedAfter };
}

/** A WebSocket's close, or code -1 when the station has not closed it within 3 s. */
const within = (closed: Promise<{ code: number }>) =>
  Promise.race([
    closed,
    new Promise<{ code: number }>((r) => setTimeout(() => r({ code: -1 }), 3000)),
  ]);

// Issue 9, part 2: 1,500 idle sockets stayed open. Connections that do not get on with it close.
describe('idle and slow connections time out', () => {
  let t: Awaited<ReturnType<typeof startTestStation>>;
  beforeEach(async () => {
    t = await startTestStation({
      headersTimeoutMs: 400,
      requestTimeoutMs: 800,
      helloTimeoutMs: 300,
    });
  });
  afterEach(() => t.stop());

  it('closes WebSockets that never say hello, and keeps the ones that did', async () => {
    const cashier = await cashierWs(t.server);
    const idle = Array.from({ length: 40 }, () => openWs(t.server));
    await Promise.all(idle.map((c) => c.opened));
    const closes = await Promise.all(idle.map((c) => within(c.closed)));
    expect(closes.every((c) => c.code === CLOSE_HELLO_TIMEOUT)).toBe(true);
    // A failed hello does not extend the deadline either.
    const liar = openWs(t.server);
    await liar.opened;
    liar.send({ type: 'hello', role: 'customer', token: 'x'.repeat(32) });
    expect((await within(liar.closed)).code).toBe(CLOSE_HELLO_TIMEOUT);
    expect(cashier.ws.readyState).toBe(cashier.ws.OPEN);
    expect(await cashier.call('checkout.get')).toMatchObject({ result: { ok: true } });
    cashier.ws.close();
  });

  it('refuses more than 64 WebSockets waiting to say hello at once', async () => {
    const waiting = Array.from({ length: 64 }, () => openWs(t.server));
    await Promise.all(waiting.map((c) => c.opened));
    const extra = openWs(t.server);
    await expect(extra.opened).rejects.toThrow(/^503 /);
    await Promise.all(waiting.map((c) => within(c.closed)));
    const later = openWs(t.server); // once they timed out, there is room again
    await expect(later.opened).resolves.toBeUndefined();
    later.ws.close();
  });

  it('closes a connection that trickles its headers', async () => {
    const { socket, closedAfter } = await rawSocket(t.server.port);
    socket.write('GET /cashier/ HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const drip = setInterval(() => socket.writable && socket.write('X-Slow: a\r\n'), 100);
    const after = await closedAfter;
    clearInterval(drip);
    expect(after).toBeLessThan(3000);
    socket.destroy();
  });

  it('closes a connection that sends nothing at all', async () => {
    const { socket, closedAfter } = await rawSocket(t.server.port);
    expect(await closedAfter).toBeLessThan(3000);
    socket.destroy();
  });
});
