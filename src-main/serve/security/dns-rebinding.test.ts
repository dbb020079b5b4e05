import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostPolicy } from '../host-policy';
import { get, openWs, startTestStation } from '../test-support/security-harness';

// Issue 9, part 2: a page on evil.example rebinds its name to 127.0.0.1 and reads the cashier
// page (with the station's token) or drives the WebSocket. Only the station's own names pass.
describe('DNS rebinding', () => {
  let t: Awaited<ReturnType<typeof startTestStation>>;
  beforeAll(async () => {
    t = await startTestStation();
  });
  afterAll(() => t.stop());
  const port = () => t.server.port;

  it('refuses an HTTP request for a foreign Host, and serves nothing of the page', async () => {
    const res = await get(`${t.server.url}/cashier/`, { Host: `evil.example:${port()}` });
    expect(res.status).toBe(421);
    expect(res.body).toContain("not to Host 'evil.example");
    expect(res.body).not.toContain(t.server.cashierToken);
    for (const path of ['/customer/', '/healthz', '/']) {
      expect((await get(`${t.server.url}${path}`, { Host: 'evil.example' })).status).toBe(421);
    }
  });

  it('serves the names the station answers to: loopback, the listen host, its own addresses', async () => {
    const own = Object.values(networkInterfaces())
      .flat()
      .map((n) => n!.address)
      .filter((a) => !a.startsWith('fe80'));
    const hosts = [
      'localhost',
      '127.0.0.1',
      '[::1]',
      ...own.map((a) => (a.includes(':') ? `[${a}]` : a)),
    ];
    for (const host of hosts) {
      const res = await get(`${t.server.url}/cashier/`, { Host: `${host}:${port()}` });
      expect(res.status, host).toBe(200);
      expect(res.body).toContain(t.server.cashierToken);
    }
  });

  it('refuses a WebSocket whose Host and Origin are both evil.example', async () => {
    const evil = `evil.example:${port()}`;
    const c = openWs(t.server, { headers: { Host: evil, Origin: `http://${evil}` } });
    await expect(c.opened).rejects.toThrow(/^421 .*evil\.example/);
  });

  it('checks Origin against the list, not against Host', async () => {
    // Host names the station, the page comes from elsewhere: refused.
    const foreign = openWs(t.server, { headers: { Origin: 'http://evil.example' } });
    await expect(foreign.opened).rejects.toThrow(/^403 /);
    const nullOrigin = openWs(t.server, { headers: { Origin: 'null' } });
    await expect(nullOrigin.opened).rejects.toThrow(/^403 /);
    // A station page opened as localhost talking to 127.0.0.1: different Host, still allowed.
    const local = openWs(t.server, { headers: { Origin: `http://localhost:${port()}` } });
    await expect(local.opened).resolves.toBeUndefined();
    local.ws.close();
  });

  it('refuses an HTTP request from a foreign Origin even with the right Host', async () => {
    const res = await get(`${t.server.url}/cashier/`, { Origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body).not.toContain(t.server.cashierToken);
  });
});

describe('host policy', () => {
  it('takes the configured listen host, and never a wildcard', () => {
    expect(createHostPolicy('station.lan').allowsHost('STATION.LAN.:4711')).toBe(true);
    expect(createHostPolicy('0.0.0.0').allowsHost('0.0.0.0:4711')).toBe(false);
    expect(createHostPolicy('127.0.0.1').allowsHost(undefined)).toBe(false);
    expect(createHostPolicy('127.0.0.1').allowsOrigin('file:///etc/passwd')).toBe(false);
  });
});
