import { errorText } from '../station-text';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractClient } from '../../src-main/contract/client';
import { formatMinor } from '../../src-main/contract/money';
import type { DayReportView } from '../../src-main/contract/payments';
import { localDay, PLATFORM_TEXT } from './format';

/** The day report: headline figures, breakdowns, and the printable page with a Print button. */
export function DayReportPanel({ client }: { client: ContractClient<'cashier'> }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(localDay());
  const [report, setReport] = useState<DayReportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement | null>(null);

  const load = async (e?: FormEvent) => {
    e?.preventDefault();
    const r = await client.call('reports.day', { date });
    if (!r.ok) return setError(errorText(t, r.error));
    setError(null);
    setReport(r.value);
  };

  const currency = report?.currencies[0] ?? 'CNY';
  const money = (n: number) => `${formatMinor(n, currency)} ${currency}`;
  return (
    <div className="day-report" data-testid="day-report">
      <form className="bo-row" onSubmit={(e) => void load(e)}>
        <label htmlFor="report-date">{t('report.day')}</label>
        <input
          id="report-date"
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
        <button type="submit" className="primary">
          {t('report.show')}
        </button>
        {report && (
          <button
            type="button"
            className="secondary"
            // The report page has no scripts; printing its frame prints just the report.
            onClick={() => frame.current?.contentWindow?.print()}
          >
            {t('report.print')}
          </button>
        )}
        {report && (
          // The same CSV as `countersign report --csv`, saved from the window.
          <a
            className="button secondary"
            href={`data:text/csv;charset=utf-8,${encodeURIComponent(report.csv)}`}
            download={`countersign-${report.date}.csv`}
            data-testid="report-csv"
          >
            {t('report.csv')}
          </a>
        )}
      </form>
      {error && (
        <p className="bo-error" role="alert">
          {error}
        </p>
      )}
      {report && (
        <>
          <div className="bo-figures">
            <Figure
              label={t('report.paid')}
              value={money(report.paid.total)}
              sub={t('report.payments', { count: report.paid.count })}
              testId="fig-paid"
            />
            <Figure
              label={t('report.refunded')}
              value={money(report.refunded.total)}
              sub={t('report.refunds', { count: report.refunded.count })}
              testId="fig-refunded"
            />
            <Figure
              label={t('report.net')}
              value={money(report.net)}
              sub={report.date}
              testId="fig-net"
            />
            <Figure
              label={t('report.failed')}
              value={String(report.failed)}
              sub={t('report.attempts')}
              testId="fig-failed"
            />
            <Figure
              label={t('report.reversed')}
              value={String(report.reversed)}
              sub={t('report.attempts')}
              testId="fig-reversed"
            />
          </div>
          {report.currencies.length > 1 && (
            <p className="bo-alert warn">
              This day has several currencies ({report.currencies.join(', ')}); the totals mix them.
              Use the printed report per currency.
            </p>
          )}
          <div className="bo-groups">
            <Group
              title={t('report.byMethod')}
              rows={report.byMethod}
              label={(k) => t(`payment.method.${k}`, { defaultValue: k })}
              money={money}
            />
            <Group
              title={t('report.byPlatform')}
              rows={report.byPlatform}
              label={(k) => PLATFORM_TEXT[k] ?? k}
              money={money}
            />
            <Group
              title={t('report.byShift')}
              rows={report.byShift}
              label={(k) => k}
              money={money}
            />
          </div>
          <p className="bo-muted" data-testid="shift-hint">
            {t('report.shiftHint')}
          </p>
          <iframe
            ref={frame}
            className="report-frame"
            title={`Day report ${report.date}`}
            // allow-modals lets print() open the print dialog; nothing in the page may run.
            sandbox="allow-modals allow-same-origin"
            // The frame keeps this window's CSP, which allows the report's stylesheet by hash.
            srcDoc={report.html}
          />
        </>
      )}
    </div>
  );
}

function Figure(p: { label: string; value: string; sub: string; testId: string }) {
  return (
    <div className="bo-figure" data-testid={p.testId}>
      <span className="bo-figure-label">{p.label}</span>
      <span className="bo-figure-value">{p.value}</span>
      <span className="bo-muted">{p.sub}</span>
    </div>
  );
}

function Group(p: {
  title: string;
  rows: { key: string; count: number; total: number }[];
  label(key: string): string;
  money(n: number): string;
}) {
  return (
    <table className="bo-table compact">
      <caption>{p.title}</caption>
      <tbody>
        {p.rows.length === 0 && (
          <tr>
            <td className="bo-muted">None</td>
          </tr>
        )}
        {p.rows.map((r) => (
          <tr key={r.key}>
            <td>{p.label(r.key)}</td>
            <td className="num">{r.count}</td>
            <td className="num">{p.money(r.total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
