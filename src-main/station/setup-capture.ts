import type { Logger } from 'pino';
import { captureDisplay, captureRegion, listDisplays } from '../capture/capture';
import type { CheckoutService } from '../checkout/checkout-service';
import type { CheckoutSnapshot } from '../contract/checkout';
import type { Region } from '../contract/hardware';
import type { ReviewWarning } from '../contract/order';
import { isAtRest, READABLE_PHASES } from '../contract/phase-rules';
import { fail, failBecause, ok, type Result } from '../contract/result';
import type { StationConfig } from '../config/schema';
import { createPoleDisplayTap } from '../devices/pole-display/tap';
import { createCaptureRow, createPoleRow } from './capture-devices';
import { createOrderReader, type OrderReader, type ReadOrder } from '../ocr/order-reader';
import type { Handlers } from './dispatcher';
import { intakeOrder } from './order-intake';

type CaptureHandlers = Pick<
  Handlers,
  | 'capture.read'
  | 'capture.displays'
  | 'capture.preview'
  | 'capture.setRegion'
  | 'capture.getRegion'
  | 'devices.capture'
  | 'pole.check'
  | 'capture.test'
>;

export interface CaptureFeature {
  handlers: CaptureHandlers;
  /** What the hotkey does: the same as the cashier's "Read order" button. */
  readNow(): Promise<Result<CheckoutSnapshot>>;
  close(): Promise<void>;
}

const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
const warningKey = (w: ReviewWarning) => `${w.code}|${w.cell?.kind}|${w.cell?.id}|${w.cell?.field}`;

/** Turns what OCR read into the order the cashier reviews; doubtful cells stay flagged. */
export function readToDraft(read: ReadOrder, currency: string) {
  const draft = { lines: read.lines, adjustments: read.adjustments, total: read.total ?? 0 };
  const order = intakeOrder(draft, { currency, source: 'ocr', extraWarnings: read.warnings });
  if (!order.ok) return order;
  // The reader already checked the arithmetic; keep one warning per doubtful cell.
  const seen = new Set<string>();
  order.value.warnings = order.value.warnings.filter(
    (w) => !seen.has(warningKey(w)) && seen.add(warningKey(w)),
  );
  if (read.total === null && !order.value.warnings.some((w) => w.cell?.kind === 'total')) {
    order.value.warnings.push({
      code: 'total_unread',
      message: 'No total line was found; type the total',
      cell: { kind: 'total', field: 'total' },
    });
  }
  return order;
}

/**
 * Reading the order off the legacy POS: the calibrated region, a warm OCR reader started with
 * the station, and the pole-display tap as an amount-only source. Reads land in review; only an
 * order whose every number checks may be sent on automatically (ocr.autoSend).
 */
export function setupCapture(deps: {
  config: StationConfig;
  checkout: CheckoutService;
  logger: Logger;
  /** Persists a new calibration to config.json. */
  saveRegion(region: Region): void;
  /** Tests inject a shared reader; otherwise one is started here. */
  reader?: OrderReader;
}): CaptureFeature {
  const { config, checkout, logger } = deps;
  const backend = config.capture.backend;
  let region: Region | null = config.capture.region;
  const captureRow = createCaptureRow(backend);
  const reader =
    deps.reader ??
    createOrderReader({
      engine: config.ocr.engine,
      languages: config.ocr.languages,
      workers: config.ocr.workers,
      recycleAfter: config.ocr.recycleAfter,
      splitColumns: config.ocr.splitColumns,
      currency: config.currency,
      capture: async (r) => {
        const startedAt = Date.now();
        const png = await captureRegion(r, backend);
        captureRow.record(
          png.ok ? { ok: true, value: { width: r.width, height: r.height } } : png,
          startedAt,
        );
        return png;
      },
    });
  let reading: Promise<Result<CheckoutSnapshot>> | null = null;
  if (config.ocr.warmUp) {
    void reader.warmUp().then((r) => {
      if (r.ok) logger.info({ ms: r.ms }, 'OCR workers warmed up');
      else logger.warn({ error: r.error }, 'OCR warm-up failed; the first read will be slower');
    });
  }

  async function read(): Promise<Result<CheckoutSnapshot>> {
    if (!region)
      return failBecause(
        'unavailable',
        'region_missing',
        'Draw the order region first: Back office → Order region',
      );
    const phase = checkout.snapshot().phase;
    if (!READABLE_PHASES.includes(phase)) {
      return failBecause(
        'illegal_transition',
        'order_with_customer',
        'The customer is looking at an order; cancel it before reading a new one',
      );
    }
    const result = await reader.readScreen(region);
    logger.info(
      {
        status: result.status,
        lines: result.lines.length,
        total: result.total,
        timings: result.timings,
      },
      'order read',
    );
    const order = readToDraft(result, config.currency);
    if (!order.ok) return order;
    const loaded = checkout.apply({ type: 'order_submitted', order: order.value });
    if (!loaded.ok || !config.ocr.autoSend || order.value.warnings.length > 0) return loaded;
    return checkout.apply({ type: 'sent', revision: loaded.value.revision, acceptWarnings: false });
  }

  const readNow = () => {
    // A second press while reading gets the same read rather than a second OCR run.
    reading ??= read()
      .then((result) => {
        // Shown in the cashier window whatever started the read (button or global hotkey).
        if (!result.ok)
          checkout.apply({ type: 'notice', code: 'capture_failed', text: result.error.message });
        return result;
      })
      .finally(() => {
        reading = null;
      });
    return reading;
  };

  const pole = createPoleRow(config.pole, (hooks) =>
    createPoleDisplayTap({
      path: config.pole.port ?? '',
      baudRate: config.pole.baudRate,
      protocol: config.pole.protocol,
      currency: config.currency,
      passThroughPath: config.pole.passThroughPort,
      onAmount(amount, detail) {
        hooks.onAmount();
        // Item prices flash by on the pole display; only the total (or collect) is the order.
        if (detail.lamp === 'price' || detail.lamp === 'change' || amount <= 0) return;
        const s = checkout.snapshot();
        const replaceable =
          isAtRest(s.phase) || (s.phase === 'review' && s.order?.source === 'pole');
        if (!replaceable) {
          logger.info(
            { amount, phase: s.phase },
            'pole display amount ignored: a checkout is in progress',
          );
          return;
        }
        const order = intakeOrder(
          { lines: [], adjustments: [], total: amount },
          { currency: config.currency, source: 'pole' },
        );
        if (order.ok) checkout.apply({ type: 'order_submitted', order: order.value });
      },
      onError: (message) => {
        hooks.onError(message);
        logger.warn({ message }, 'pole display tap');
      },
    }),
  );
  const devicesView = () => ok({ pole: pole.view(), capture: captureRow.view(region) });

  const handlers: CaptureHandlers = {
    'capture.read': () => readNow(),
    'capture.displays': async () => {
      const displays = await listDisplays(backend);
      return displays.ok ? ok(displays.value) : fail('unavailable', displays.error);
    },
    'capture.preview': async ({ display, region: r }) => {
      if (r) {
        const png = await captureRegion(r, backend);
        return png.ok
          ? ok({ image: dataUrl(png.value), width: r.width, height: r.height })
          : fail('unavailable', png.error);
      }
      const displays = await listDisplays(backend);
      const d = displays.ok ? displays.value[display] : undefined;
      if (!d)
        return fail('unavailable', displays.ok ? `There is no display ${display}` : displays.error);
      const png = await captureDisplay(display, backend);
      return png.ok
        ? ok({ image: dataUrl(png.value), width: d.width, height: d.height })
        : fail('unavailable', png.error);
    },
    'capture.setRegion': async ({ region: r }) => {
      // Prove the region can be grabbed before it replaces a working one.
      const test = await captureRegion(r, backend);
      if (!test.ok) return fail('invalid_input', test.error);
      region = r;
      deps.saveRegion(r);
      logger.info({ region: r }, 'order region calibrated');
      return ok(r);
    },
    'capture.getRegion': () => ok(region),
    'devices.capture': () => devicesView(),
    'pole.check': async () => {
      await pole.check();
      return devicesView();
    },
    'capture.test': async () => {
      await captureRow.test(region);
      return devicesView();
    },
  };

  return {
    handlers,
    readNow,
    async close() {
      await pole.close();
      if (!deps.reader) await reader.close();
    },
  };
}
