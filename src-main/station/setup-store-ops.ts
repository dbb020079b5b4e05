import type { Logger } from 'pino';
import type { Handlers } from './dispatcher';
import { fail, ok } from '../contract/result';
import type { StoreDevicesView } from '../contract/store-ops';
import type { StationConfig } from '../config/schema';
import { itemReport, itemReportCsv, shiftItemReport } from '../ledger/item-report';
import type { Ledger } from '../ledger/open-ledger';
import { receiptFromLedger } from '../printer/ledger-receipt';
import { createPrinterService, type PrinterService } from '../printer/printer-service';
import { receiptDocument } from '../printer/receipt';
import { itemReportDocument } from '../printer/report-documents';
import { createSpeaker, type Speaker } from '../voice/speaker';
import { spokenAmount } from '../voice/spoken-amount';

type StoreOpsHandlers = Pick<
  Handlers,
  | 'devices.store'
  | 'printer.check'
  | 'printer.reprint'
  | 'voice.test'
  | 'reports.items'
  | 'reports.shiftItems'
  | 'reports.printItems'
>;

/** Receipts, spoken amounts and item reports, joined to the station's payments. */
export interface StoreOpsFeature {
  handlers: StoreOpsHandlers;
  /** A payment became paid: its receipt and its announcement, in the background. */
  onPaid(attemptId: string): void;
  /** A refund succeeded: its receipt, in the background. */
  onRefunded(attemptId: string, refundId: string): void;
  status(): StoreDevicesView;
  printer: PrinterService;
  speaker: Speaker;
  /** Resolves once queued printing and speaking is done (tests, shutdown). */
  idle(): Promise<void>;
}

/**
 * Builds the store-operations part. Nothing here is on a payment's path: the payment is final
 * and recorded before onPaid is called, and printing or speaking only ever updates the device
 * panel, whatever goes wrong with paper, cable or sound.
 */
export function setupStoreOps(deps: {
  config: StationConfig;
  ledger: Ledger;
  logger: Logger;
  now?: () => number;
  onStatus?: (status: StoreDevicesView) => void;
}): StoreOpsFeature {
  const { config, ledger, logger } = deps;
  const now = deps.now ?? Date.now;
  const language = (set: 'en' | 'zh-CN' | null) => set ?? config.customer.language;
  // Read per receipt: the store's name and message may change live (settings from HQ).
  const store = () => ({ name: config.store.name, message: config.store.message });
  const style = {
    paper: config.printer.paper,
    language: language(config.printer.language),
    code: config.printer.code,
  };
  let status: () => StoreDevicesView = () => ({
    printer: printer.status(),
    voice: speaker.status(),
  });
  const printer = createPrinterService(config.printer, {
    now,
    onStatus: () => deps.onStatus?.(status()),
  });
  const speaker = createSpeaker(config.voice, { now });
  status = () => ({ printer: printer.status(), voice: speaker.status() });
  // onPaid may be reached twice for one payment (live and after a restart's resume): once each.
  const announced = new Set<string>();
  // A payment begun before this start (resolved after a restart) gets its receipt but is not
  // announced: a cashier box saying an amount minutes late would be taken for a new payment.
  const startedAt = now();
  let pending: Promise<unknown> = Promise.resolve();
  const track = (p: Promise<unknown>) => {
    pending = Promise.all([pending, p]);
  };

  const printReceipt = (ids: { attemptId: string; refundId?: string }, label: string) => {
    const data = receiptFromLedger(ledger, store(), ids);
    if (!data)
      return Promise.resolve(fail('invalid_input', `${label}: no such paid payment or refund`));
    return printer.print(receiptDocument(data, style), label).then((r) => {
      if (!r.ok) logger.warn({ printer: r.error }, 'receipt not printed');
      return r.ok ? ok(printer.status()) : fail('unavailable', r.error.message);
    });
  };

  const handlers: StoreOpsHandlers = {
    'devices.store': () => ok(status()),
    'printer.check': async () => {
      await printer.check();
      return ok(status());
    },
    'printer.reprint': async ({ attemptId, refundId }) => {
      const r = await printReceipt({ attemptId, refundId }, `receipt ${refundId ?? attemptId}`);
      return r.ok ? ok(status()) : r;
    },
    'voice.test': async () => {
      const r = await speaker.say(
        spokenAmount({
          amount: 4826,
          currency: config.currency,
          platform: 'wechat',
          language: language(config.voice.language),
        }),
      );
      deps.onStatus?.(status());
      return r.ok ? ok(status()) : fail('unavailable', r.error.message);
    },
    'reports.items': ({ date }) => {
      const report = itemReport(ledger.db, date);
      if (!report) return fail('invalid_input', `Not a date: ${date}`);
      return ok({ ...report, csv: itemReportCsv(report) });
    },
    'reports.shiftItems': ({ shiftId }) => {
      const report = shiftItemReport(ledger.db, shiftId);
      return ok({ ...report, csv: itemReportCsv({ date: '', ...report }) });
    },
    'reports.printItems': async ({ date }) => {
      const report = itemReport(ledger.db, date);
      if (!report) return fail('invalid_input', `Not a date: ${date}`);
      const doc = itemReportDocument(report, {
        storeName: store().name,
        paper: style.paper,
        language: style.language,
        currency: config.currency,
        at: now(),
      });
      const r = await printer.print(doc, `item report ${date}`);
      return r.ok ? ok(status()) : fail('unavailable', r.error.message);
    },
  };

  return {
    handlers,
    printer,
    speaker,
    status: () => status(),
    idle: () => pending.then(() => printer.idle()),
    onPaid(attemptId) {
      if (announced.has(attemptId)) return;
      announced.add(attemptId);
      const attempt = ledger.getAttempt(attemptId);
      if (!attempt || attempt.state !== 'paid') return;
      if (config.voice.enabled && attempt.createdAt >= startedAt)
        track(
          speaker
            .say(
              spokenAmount({
                amount: attempt.amount,
                currency: attempt.currency,
                platform: attempt.platform,
                language: language(config.voice.language),
              }),
            )
            .then((r) => {
              if (!r.ok) logger.warn({ voice: r.error }, 'amount not spoken');
              deps.onStatus?.(status());
            }),
        );
      if (config.printer.enabled && config.printer.autoPrint)
        track(printReceipt({ attemptId }, `receipt ${attemptId}`));
    },
    onRefunded(attemptId, refundId) {
      if (config.printer.enabled && config.printer.autoPrint)
        track(printReceipt({ attemptId, refundId }, `refund receipt ${refundId}`));
    },
  };
}
