import { formatMinor } from '../contract/money';
import type { DayReport, ReportGroup } from '../ledger/reports';
import { REPORT_CSS } from './report-style';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The printable day report: a complete HTML document with no scripts or external resources,
 * so the lead can load it in a hidden window and print, or save it as a file. It presents what
 * the ledger reports; the ledger itself renders nothing.
 */
export function renderDayReportHtml(report: DayReport, storeName: string): string {
  const currency = report.currencies[0] ?? 'CNY';
  const money = (v: number) => escapeHtml(formatMinor(v, currency));
  const table = (title: string, groups: ReportGroup[]) =>
    `<h2>${escapeHtml(title)}</h2><table><thead><tr><th></th><th>Count</th><th>Total</th></tr></thead><tbody>${groups
      .map(
        (g) =>
          `<tr><td>${escapeHtml(g.key)}</td><td>${g.count}</td><td>${money(g.total)}</td></tr>`,
      )
      .join('')}</tbody></table>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>${escapeHtml(storeName)} — day report ${escapeHtml(report.date)}</title>
<style>${REPORT_CSS}</style></head><body>
<h1>${escapeHtml(storeName)}</h1>
<p>Day report for <strong>${escapeHtml(report.date)}</strong> (${escapeHtml(currency)})</p>
<table><tbody>
<tr><td>Paid</td><td>${report.paid.count}</td><td>${money(report.paid.total)}</td></tr>
<tr><td>Refunded</td><td>${report.refunded.count}</td><td>${money(report.refunded.total)}</td></tr>
<tr><td><strong>Net</strong></td><td></td><td><strong>${money(report.net)}</strong></td></tr>
<tr><td>Failed attempts</td><td>${report.failed}</td><td></td></tr>
<tr><td>Reversed attempts</td><td>${report.reversed}</td><td></td></tr>
</tbody></table>
${table('By method', report.byMethod)}
${table('By platform', report.byPlatform)}
${table('By shift', report.byShift)}
</body></html>
`;
}
