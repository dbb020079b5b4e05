/**
 * The provider host's clock against ours, from its HTTP Date header (ms, + = ours ahead), or why
 * it could not be told. Signed requests fail when the two drift apart by minutes.
 */
export async function clockSkew(
  url: string,
  now: () => number = Date.now,
): Promise<number | string> {
  try {
    const res = await fetch(new URL(url).origin, {
      method: 'HEAD',
      signal: AbortSignal.timeout(5000),
    });
    const date = Date.parse(res.headers.get('date') ?? '');
    return Number.isNaN(date) ? 'the host sent no Date header' : now() - date;
  } catch (error) {
    return `unreachable: ${(error as Error & { cause?: { code?: string } }).cause?.code ?? (error as Error).message}`;
  }
}
