/**
 * The day report's stylesheet, inlined in its <style>. The cashier window shows the report in a
 * srcdoc frame, which keeps the window's CSP: web-pages/csp.ts allows exactly this text by its
 * SHA-256 hash, so no other inline style can run there.
 */
export const REPORT_CSS = [
  'body{font:12pt system-ui,sans-serif;margin:1.5cm}',
  'table{border-collapse:collapse;width:100%;margin-bottom:1em}',
  'td,th{border-bottom:1px solid #999;padding:2px 6px;text-align:right}',
  'td:first-child,th:first-child{text-align:left}',
  '@media print{body{margin:0}}',
].join('\n');
