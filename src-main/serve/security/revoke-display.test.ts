import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { CLOSE_REVOKED } from '../ws-endpoint';
import { cashierWs, openWs, pairingCode, startTestStation } from '../test-support/security-harness';

type Client = ReturnType<typeof openWs>;
type Display = { id: string; name: string; pairedAt: number };

/** Runs the real CLI in this process; returns its exit code and output. */
async function cli(args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await main(args, { stdout, stderr, stdin: new PassThrough() });
  return { code, out, err };
}

// Issue 9, part 2: a lost or stolen tablet stayed paired for good. The cashier can now see the
// paired displays and unpair one (contract, cashier window, CLI); its sockets close at once.
describe('listing and revoking paired displays', () => {
  let t: Awaited<ReturnType<typeof startTestStation>>;
  let cashier: Awaited<ReturnType<typeof cashierWs>>;
  beforeEach(async () => {
    t = await startTestStation();
    cashier = await cashierWs(t.server);
  });
  afterEach(async () => {
    cashier.ws.close();
    await t.stop();
  });

  const pair = async (name: string): Promise<{ client: Client; token: string }> => {
    const code = await pairingCode(cashier);
    const client = openWs(t.server);
    await client.opened;
    client.send({ type: 'pair', code, deviceName: name });
    const { token } = (await client.next((f) => f.type === 'paired')) as { token: string };
    await client.next((f) => f.type === 'welcome');
    return { client, token };
  };
  const list = async () =>
    ((await cashier.call('displays.list')) as { result: { value: Display[] } }).result.value;
  const hello = async (token: string) => {
    const c = openWs(t.server);
    await c.opened;
    c.send({ type: 'hello', role: 'customer', token });
    return c.next((f) => f.type === 'welcome' || f.type === 'error');
  };

  it('the cashier lists and revokes; the revoked display is cut off and its token refused', async () => {
    const front = await pair('Front tablet');
    const side = await pair('Side tablet');
    const displays = await list();
    expect(displays.map((d) => d.name)).toEqual(['Front tablet', 'Side tablet']);
    const frontId = displays[0]!.id;

    const revoked = (await cashier.call('displays.revoke', { id: frontId })) as {
      result: { ok: boolean; value: Display[] };
    };
    expect(revoked.result.value.map((d) => d.name)).toEqual(['Side tablet']);
    expect(await front.client.next((f) => f.type === 'error')).toMatchObject({
      error: { code: 'not_paired' },
    });
    expect((await front.client.closed).code).toBe(CLOSE_REVOKED);
    expect(await hello(front.token)).toMatchObject({ error: { code: 'not_paired' } });
    // The other display is untouched.
    expect(side.client.ws.readyState).toBe(side.client.ws.OPEN);
    expect(await hello(side.token)).toMatchObject({ type: 'welcome' });
    // An unknown id is an answer, not an exception.
    expect(await cashier.call('displays.revoke', { id: frontId })).toMatchObject({
      result: { ok: false, error: { code: 'invalid_input' } },
    });
    side.client.ws.close();
  });

  it('a customer display may neither list nor revoke', async () => {
    const { client } = await pair('Tablet');
    expect(await client.call('displays.list')).toMatchObject({
      result: { ok: false, error: { code: 'forbidden' } },
    });
    expect(await client.call('displays.revoke', { id: (await list())[0]!.id })).toMatchObject({
      result: { ok: false, error: { code: 'forbidden' } },
    });
    client.ws.close();
  });

  it('`countersign displays revoke` on the data directory cuts off a running station’s display', async () => {
    const { client, token } = await pair('Counter tablet');
    const listed = await cli(['displays', '--data-dir', t.dataDir]);
    expect(listed.code).toBe(0);
    const [row] = listed.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Display);
    expect(row).toMatchObject({ name: 'Counter tablet' });

    const revoked = await cli(['displays', 'revoke', row!.id, '--data-dir', t.dataDir]);
    expect(revoked).toMatchObject({ code: 0 });
    expect((await client.closed).code).toBe(CLOSE_REVOKED);
    expect(await hello(token)).toMatchObject({ error: { code: 'not_paired' } });
    expect(await list()).toEqual([]);
    expect(await cli(['displays', 'revoke', row!.id, '--data-dir', t.dataDir])).toMatchObject({
      code: 1,
      err: expect.stringContaining('No paired display'),
    });
    // Three CLI processes, each starting Node and tsx: on a loaded CI machine that alone took
    // more than the default 30 s.
  }, 120_000);
});
