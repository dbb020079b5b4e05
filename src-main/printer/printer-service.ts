import type { PrinterConfig } from './config';
import type { PrintBlock } from './document';
import { encodeDocument, paperStatus, printerOffline, STATUS_REQUEST } from './escpos';
import { describeConnection, openPrinterLink, type PrinterLink } from './transport';

/** The printer as the device panel shows it. */
export interface PrinterStatus {
  enabled: boolean;
  /** e.g. "tcp 192.168.1.50:9100"; null when none is configured. */
  connection: string | null;
  state: 'disabled' | 'unknown' | 'ready' | 'printing' | 'offline' | 'paper_out';
  paper: 'ok' | 'near_end' | 'out' | 'unknown';
  lastError: string | null;
  lastPrintedAt: number | null;
  lastCheckedAt: number | null;
  /** Jobs waiting behind the one printing. */
  queued: number;
}

/** Why a job did not print. */
export interface PrintFailure {
  code: 'disabled' | 'offline' | 'paper_out' | 'failed';
  message: string;
}

export type PrintResult =
  { ok: true; value: { bytes: number } } | { ok: false; error: PrintFailure };

/** The receipt printer: jobs one after another, state for the panel; nothing here ever throws. */
export interface PrinterService {
  status(): PrinterStatus;
  /** Queues a document; resolves when it printed or failed. Callers on the payment path don't await. */
  print(blocks: readonly PrintBlock[], label: string): Promise<PrintResult>;
  /** Asks the printer for its state now (the panel's "check" action). */
  check(): Promise<PrinterStatus>;
  /** Resolves once every queued job finished. */
  idle(): Promise<void>;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Creates the service for the `printer` config section. */
export function createPrinterService(
  config: PrinterConfig,
  options: { now?: () => number; onStatus?: (s: PrinterStatus) => void } = {},
): PrinterService {
  const now = options.now ?? Date.now;
  const conn = config.enabled ? config.connection : null;
  const state: PrinterStatus = {
    enabled: conn !== null,
    connection: conn ? describeConnection(conn) : null,
    state: conn ? 'unknown' : 'disabled',
    paper: 'unknown',
    lastError: null,
    lastPrintedAt: null,
    lastCheckedAt: null,
    queued: 0,
  };
  const changed = (patch: Partial<PrinterStatus>) => {
    Object.assign(state, patch);
    options.onStatus?.({ ...state });
  };
  let chain: Promise<unknown> = Promise.resolve();

  /** Asks paper and online state; returns a failure when the job must not be sent. */
  const query = async (link: PrinterLink): Promise<PrintFailure | null> => {
    if (!config.statusQuery || !link.canAnswer) return null;
    const paperByte = await link.request(STATUS_REQUEST.paper, config.timeoutMs);
    if (paperByte === null) {
      changed({ state: 'offline', lastCheckedAt: now() });
      return { code: 'offline', message: `the printer (${state.connection}) does not answer` };
    }
    const paper = paperStatus(paperByte);
    const printerByte = await link.request(STATUS_REQUEST.printer, config.timeoutMs);
    const offline = printerByte !== null && printerOffline(printerByte);
    changed({ paper, lastCheckedAt: now() });
    if (paper === 'out') {
      changed({ state: 'paper_out' });
      return { code: 'paper_out', message: 'the printer is out of paper' };
    }
    if (offline) {
      changed({ state: 'offline' });
      return {
        code: 'offline',
        message: 'the printer reports it is offline (cover open or error)',
      };
    }
    return null;
  };

  const withLink = async <T>(run: (link: PrinterLink) => Promise<T>): Promise<T> => {
    const link = await openPrinterLink(conn!, config.timeoutMs);
    try {
      return await run(link);
    } finally {
      await link.close().catch(() => undefined);
    }
  };

  const runJob = async (blocks: readonly PrintBlock[], label: string): Promise<PrintResult> => {
    if (!conn)
      return {
        ok: false,
        error: { code: 'disabled', message: 'no receipt printer is configured' },
      };
    let bytes: Buffer;
    try {
      bytes = encodeDocument(blocks, config.encoding);
    } catch (e) {
      return { ok: false, error: { code: 'failed', message: `${label}: ${errorText(e)}` } };
    }
    changed({ state: 'printing' });
    try {
      const refused = await withLink(async (link) => {
        const failure = await query(link);
        if (!failure) await link.write(bytes);
        return failure;
      });
      if (refused) {
        changed({ lastError: `${label} not printed: ${refused.message}` });
        return {
          ok: false,
          error: { ...refused, message: `${label} not printed: ${refused.message}` },
        };
      }
      changed({ state: 'ready', lastPrintedAt: now(), lastError: null });
      return { ok: true, value: { bytes: bytes.length } };
    } catch (e) {
      const message = `${label} not printed: ${errorText(e)}`;
      changed({ state: 'offline', lastError: message, lastCheckedAt: now() });
      return { ok: false, error: { code: 'offline', message } };
    }
  };

  const enqueue = <T>(job: () => Promise<T>): Promise<T> => {
    changed({ queued: state.queued + 1 });
    const run = chain.then(async () => {
      changed({ queued: state.queued - 1 });
      return job();
    });
    chain = run.catch(() => undefined);
    return run;
  };

  return {
    status: () => ({ ...state }),
    print: (blocks, label) => enqueue(() => runJob(blocks, label)),
    check: () =>
      enqueue(async () => {
        if (!conn) return { ...state };
        try {
          const failure = await withLink(query);
          if (!failure) changed({ state: 'ready', lastError: null, lastCheckedAt: now() });
          else changed({ lastError: failure.message });
        } catch (e) {
          changed({ state: 'offline', lastError: errorText(e), lastCheckedAt: now() });
        }
        return { ...state };
      }),
    idle: () => chain.then(() => undefined),
  };
}
