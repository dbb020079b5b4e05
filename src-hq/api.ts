import type { MerchantReconciliation } from '../src-main/hq/hq-reconcile';
import type { ReportRow, StationListing } from '../src-main/hq/hq-reports';
import type { StoreSettings } from '../src-main/hq/hq-settings';
import type { ShiftListing } from '../src-main/hq/hq-shifts';

// HQ's admin API as the page calls it: the admin token in a header (never in the page or a
// URL), every answer either its value or HQ's sentence.

export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number; message: string };

export interface HqApi {
  stations(): Promise<ApiResult<{ stations: StationListing[] }>>;
  report(from: string, to: string, by: string): Promise<ApiResult<{ rows: ReportRow[] }>>;
  shifts(from: string, to: string): Promise<ApiResult<{ shifts: ShiftListing[] }>>;
  reconciliations(
    from: string,
    to: string,
  ): Promise<ApiResult<{ reconciliations: (MerchantReconciliation & { reconciledAt: string })[] }>>;
  reconcile(
    q: { provider: string; format: string; date: string },
    file: Blob,
  ): Promise<ApiResult<MerchantReconciliation>>;
  settings(): Promise<
    ApiResult<{ stores: (StoreSettings & { storeId: string; updatedAt: string })[] }>
  >;
  pushSettings(
    stores: string[] | 'all',
    settings: unknown,
  ): Promise<ApiResult<{ stores: { storeId: string; revision: number }[] }>>;
}

/** The API over fetch with this admin token. */
export function createApi(token: string): HqApi {
  const call = async <T>(
    method: string,
    path: string,
    body?: BodyInit,
    type = 'application/json',
  ): Promise<ApiResult<T>> => {
    try {
      const res = await fetch(path, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': type } : {}) },
        body,
      });
      const json = (await res.json().catch(() => null)) as { message?: string } | null;
      if (res.ok) return { ok: true, value: json as T };
      return {
        ok: false,
        status: res.status,
        message: json?.message ?? `HQ answered ${res.status}`,
      };
    } catch (error) {
      return { ok: false, status: 0, message: `HQ unreachable: ${(error as Error).message}` };
    }
  };
  const qs = (o: Record<string, string>) => new URLSearchParams(o).toString();
  return {
    stations: () => call('GET', '/v1/stations'),
    report: (from, to, by) => call('GET', `/v1/reports?${qs({ from, to, by })}`),
    shifts: (from, to) => call('GET', `/v1/shifts?${qs({ from, to })}`),
    reconciliations: (from, to) => call('GET', `/v1/reconciliations?${qs({ from, to })}`),
    reconcile: (q, file) =>
      call('POST', `/v1/admin/reconcile?${qs(q)}`, file, 'application/octet-stream'),
    settings: () => call('GET', '/v1/settings'),
    pushSettings: (stores, settings) =>
      call('PUT', '/v1/admin/settings', JSON.stringify({ stores, settings })),
  };
}

/** Today's local day, as HQ's reports take it. */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** Minor units as a money amount ("12.34"). */
export const money = (minor: number) =>
  `${minor < 0 ? '-' : ''}${Math.floor(Math.abs(minor) / 100)}.${String(Math.abs(minor) % 100).padStart(2, '0')}`;
