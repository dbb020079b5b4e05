import type { ProviderStatusView } from '../contract/store-ops';
import type { PaymentsConfig } from '../payments/config';
import { clockSkew, providerCa } from '../payments/providers/clock-skew';
import { loadProviders } from '../payments/providers/load-providers';
import type { ProvidersConfig } from '../payments/providers/provider-config';

type Name = ProviderStatusView['name'];

/** What the rows need of a ledger attempt. */
export interface AttemptSummary {
  provider: string;
  createdAt: number;
  state: NonNullable<ProviderStatusView['lastCall']>['state'];
  reason: string | null;
}

/** The newest attempt sent to a provider among recent ones (any order), or null. */
export function lastCallOf(
  recent: readonly AttemptSummary[],
  name: string,
): ProviderStatusView['lastCall'] {
  let best: AttemptSummary | null = null;
  for (const a of recent)
    if (a.provider === name && (!best || a.createdAt > best.createdAt)) best = a;
  return best ? { at: best.createdAt, state: best.state, reason: best.reason } : null;
}

/**
 * The real providers' rows of the device panel. The check is the one `countersign provider
 * check` runs: load the credential files again (gateways closed at once, nothing is paid) and
 * read the provider host's clock.
 */
export function createProviderRows(deps: {
  config: ProvidersConfig | undefined;
  routing: PaymentsConfig['routing'];
  dataDir: string;
  /** Why each provider did not load when the station started. */
  problems: Record<string, string>;
  /** Recent attempts from the ledger (newest first or not). */
  recent: () => readonly AttemptSummary[];
  skew?: (url: string, ca?: string) => Promise<number | string>;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  const skew = deps.skew ?? ((url: string, ca?: string) => clockSkew(url, now, ca));
  const configured = (['wechat', 'alipay'] as const).filter((n) => deps.config?.[n]);
  const checked = new Map<
    Name,
    { credentials: string; clockSkewMs: number | null; error: string | null; at: number }
  >();

  function view(): ProviderStatusView[] {
    const recent = deps.recent();
    return configured.map((name) => {
      const c = checked.get(name);
      const credentials = c?.credentials ?? deps.problems[name] ?? 'loaded';
      return {
        name,
        url: deps.config![name]!.url,
        routed: Object.values(deps.routing).includes(name),
        credentials,
        clockSkewMs: c?.clockSkewMs ?? null,
        lastError: c?.error ?? (credentials === 'loaded' ? null : credentials),
        lastCheckedAt: c?.at ?? null,
        lastCall: lastCallOf(recent, name),
      };
    });
  }

  return {
    view,
    async check(): Promise<ProviderStatusView[]> {
      if (!deps.config || configured.length === 0) return view();
      const loaded = loadProviders(deps.config, deps.dataDir, () => null);
      loaded.gateways.forEach((g) => g.close?.());
      await Promise.all(
        configured.map(async (name) => {
          const credentials = loaded.problems[name] ?? 'loaded';
          const s = await skew(
            deps.config![name]!.url,
            providerCa(deps.config, deps.dataDir, name),
          );
          checked.set(name, {
            credentials,
            clockSkewMs: typeof s === 'number' ? s : null,
            error: credentials !== 'loaded' ? credentials : typeof s === 'string' ? s : null,
            at: now(),
          });
        }),
      );
      return view();
    },
  };
}
