import type { CameraStatusView } from '../contract/store-ops';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { createDispatcher, type Dispatch, type Handlers } from './dispatcher';
import { createPairingRegistry, pairedDisplaysFile, type PairingRegistry } from './pairing';
import { createCheckoutService, type CheckoutService } from '../checkout/checkout-service';
import type { TimerClock } from '../lib/clock';
import type { CheckoutEvent } from '../checkout/machine';
import type { CommandName, EventName, Role, StationInfo } from '../contract/commands';
import type { Region } from '../contract/hardware';
import type { PaymentsStatus } from '../contract/payments-status';
import { fail, ok, type Result } from '../contract/result';
import { loadConfig, mergeDeep, parseConfig, saveConfig } from '../config/load-config';
import type { StationConfig } from '../config/schema';
import {
  createDeferredApply,
  liveSettings as pickLive,
  liveSettingsDiffer,
} from '../config/live-settings';
import type { PushedSettings } from '../hq/hq-settings';
import type { OrderReader } from '../ocr/order-reader';
import { loadCheckoutState, saveCheckoutState } from './checkout-state';
import { checkDataDir } from './data-dir';
import { resumeCheckout } from './resume-checkout';
import { intakeOrder } from './order-intake';
import { setupCapture, type CaptureFeature } from './setup-capture';
import { setupDevices, type DevicesFeature } from './setup-devices';
import { hqLink, setupHqSync } from './setup-hq-sync';
import { setupPayments, type PaymentsFeature, type SandboxLauncher } from './setup-payments';
import { setupStoreOps, type StoreOpsFeature } from './setup-store-ops';
import { setupShifts } from './setup-shifts';

export interface StationOptions {
  dataDir: string;
  config: StationConfig;
  logger: Logger;
  clock?: TimerClock;
  /**
   * Which hardware-facing parts to start (all by default). Tests of the checkout alone turn
   * them off; their commands then answer `unavailable` with the reason.
   */
  parts?: { capture?: boolean; payments?: boolean; devices?: boolean };
  /** A shared warm OCR reader (tests), instead of starting one. */
  reader?: OrderReader;
  /** How to start the sandbox acquirer's process (Electron forks a utility process). */
  startSandbox?: SandboxLauncher;
  /** How long start-up waits for the payment system before going on without it (15 s). */
  paymentsWaitMs?: number;
}

export type StationListener = (event: EventName, payload: unknown) => void;

/** The station core: plain TypeScript that both Electron and `countersign serve` host. */
export interface Station {
  /** Runs a command for a caller of the given role; validates input and role itself. */
  dispatch: Dispatch;
  /** Events for the windows (checkout snapshots). */
  subscribe(listener: StationListener): () => void;
  checkout: CheckoutService;
  pairing: PairingRegistry;
  /** The address tablets open to reach the customer display, when a LAN server runs. */
  setCustomerUrl(url: string | null): void;
  /** Capture → OCR → review, as the global hotkey does it. */
  readOrder(): Promise<Result<unknown>>;
  /** The payment side (ledger, orchestrator), when started. */
  payments: PaymentsFeature | null;
  close(): Promise<void>;
}

/** Handlers for a part that is not running: each answers why, instead of failing obscurely. */
function unavailable<C extends CommandName>(names: C[], reason: string): Pick<Handlers, C> {
  return Object.fromEntries(
    names.map((n) => [n, () => fail('unavailable', reason)]),
  ) as unknown as Pick<Handlers, C>;
}

const VERSION: string = (() => {
  try {
    return (
      JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  } catch {
    return '0.0.0';
  }
})();

/** Builds the station core from a validated config. */
export async function createStation(options: StationOptions): Promise<Station> {
  const { config, logger } = options;
  const startedAt = Date.now();
  // Every host (Electron, serve) refuses a data directory it could not write, naming it.
  checkDataDir(options.dataDir);
  const inactivityMs = config.customer.inactivityTimeoutSeconds * 1000;
  const now = () => options.clock?.now() ?? Date.now();
  const restored = loadCheckoutState(options.dataDir, {
    now: now(),
    inactivityMs,
    methods: config.methods,
  });
  if (restored.snapshot)
    logger.info(
      { phase: restored.snapshot.phase, order: restored.snapshot.order?.id },
      'checkout restored from the last run',
    );
  else if (restored.problem)
    logger.warn({ problem: restored.problem }, 'the saved checkout was not usable; starting idle');
  // Kept and changed in place when settings arrive live: the service reads them per event.
  const checkoutOptions = {
    clock: options.clock,
    methods: config.methods,
    inactivityMs,
    resultMs: config.customer.resultSeconds * 1000,
    initial: restored.snapshot ?? undefined,
  };
  const checkout = createCheckoutService(checkoutOptions);
  if (checkout.snapshot().phase === 'confirmed') checkout.apply({ type: 'methods_offered' });
  const pairing = createPairingRegistry(pairedDisplaysFile(options.dataDir));
  const listeners = new Set<StationListener>();
  let customerUrl: string | null = null;

  checkout.subscribe((snapshot, event) => {
    logger.info(
      {
        phase: snapshot.phase,
        revision: snapshot.revision,
        event: event.type,
        order: snapshot.order?.id,
      },
      'checkout',
    );
    const saved = saveCheckoutState(options.dataDir, snapshot);
    if (saved) logger.warn({ err: saved }, 'checkout state not saved');
    for (const l of listeners) l('checkout.snapshot', snapshot);
    liveSettings.flush();
  });
  const emit = (event: EventName, payload: unknown) => listeners.forEach((l) => l(event, payload));

  // Settings from HQ, taken up between two checkouts so a payment under way is never changed.
  const liveSettings = createDeferredApply<StationConfig>({
    between: () => checkout.snapshot().phase === 'idle',
    apply: (next) => {
      // The config object is the running settings: parts that read it when they act see these.
      Object.assign(config, pickLive(next));
      checkoutOptions.methods = next.methods;
      checkoutOptions.inactivityMs = next.customer.inactivityTimeoutSeconds * 1000;
      checkoutOptions.resultMs = next.customer.resultSeconds * 1000;
      const { role: _role, ...shared } = info('cashier');
      emit('station.info', shared);
      logger.info({ settings: pickLive(next) }, 'settings from HQ in effect');
    },
  });
  const takeSettings = (pushed: PushedSettings) => {
    let next: StationConfig;
    try {
      next = parseConfig(mergeDeep(config, pushed), 'settings from HQ');
    } catch (error) {
      // Already checked against config.json; a running config that differs is only logged.
      logger.warn({ err: error }, 'settings from HQ not taken up by the running station');
      return;
    }
    if (liveSettingsDiffer(config, next) && !liveSettings.offer(next))
      logger.info('settings from HQ wait for the current checkout to end');
  };
  const apply = (event: CheckoutEvent) => checkout.apply(event);
  const info = (role: Role): StationInfo => ({
    role,
    storeName: config.store.name,
    storeMessage: config.store.message,
    currency: config.currency,
    language: config.customer.language,
    numberLocale: config.store.locale ?? config.customer.language,
    methods: config.methods,
    resultSeconds: config.customer.resultSeconds,
    captureHotkey: config.hotkeys.capture,
    version: VERSION,
    // The sandbox's binding page, for the display's "bind your wallet" code.
    bindUrl:
      payments?.sandboxUrl && config.payments.sandbox.enabled && !config.payments.sandbox.url
        ? `${payments.sandboxUrl}/bind/${encodeURIComponent(config.payments.sandbox.merchantId)}`
        : null,
  });

  let camera: CameraStatusView['report'] = null;
  const handlers: Omit<
    Handlers,
    | 'capture.read'
    | 'capture.displays'
    | 'capture.preview'
    | 'capture.setRegion'
    | 'capture.getRegion'
    | 'devices.capture'
    | 'pole.check'
    | 'capture.test'
    | 'credential.submit'
    | 'scan.submit'
    | 'payments.history'
    | 'payments.refund'
    | 'payments.order'
    | 'reports.day'
    | 'reports.reconcile'
    | 'reports.items'
    | 'reports.shiftItems'
    | 'reports.printItems'
    | 'devices.store'
    | 'printer.check'
    | 'printer.reprint'
    | 'voice.test'
    | 'shift.state'
    | 'cashiers.add'
    | 'shift.signIn'
    | 'shift.close'
    | 'reports.shift'
    | 'bindings.list'
    | 'bindings.remove'
    | 'devices.providers'
    | 'providers.check'
    | 'devices.health'
    | 'devices.ports'
    | 'devices.testScan'
  > = {
    'station.info': (_input, caller) => ok(info(caller.role)),
    'checkout.get': () => ok(checkout.snapshot()),
    'payments.status': () => ok(payments?.status() ?? paymentsOff()),
    'hq.status': () => ok(hqLink(hqSync?.status() ?? null)),
    'order.submit': ({ order: draft }) => {
      const current = checkout.snapshot();
      const order = intakeOrder(draft, { currency: config.currency, source: 'manual' });
      if (!order.ok) return order;
      // A resubmitted order keeps the source it was read from (screen, pole display).
      if (current.order && current.order.id === order.value.id)
        order.value.source = current.order.source;
      return apply({ type: 'order_submitted', order: order.value });
    },
    'checkout.send': ({ revision, acceptWarnings }) =>
      apply({ type: 'sent', revision, acceptWarnings }),
    'checkout.cancel': ({ reason }) => apply({ type: 'cancelled', by: 'cashier', reason }),
    'checkout.reopen': () => apply({ type: 'reopened' }),
    'checkout.reset': () => apply({ type: 'reset' }),
    'camera.report': (report) => {
      // Only the display knows its camera; the panel shows its last word and when it came.
      camera = { ...report, at: now() };
      if (report.state !== 'live') logger.warn({ camera: report }, 'customer display camera');
      return ok({});
    },
    'devices.camera': () => ok({ report: camera }),
    'pairing.create': () => {
      const code = pairing.createCode();
      logger.info({ expiresAt: code.expiresAt }, 'pairing code issued');
      return ok({ ...code, url: customerUrl });
    },
    'displays.list': () => ok(pairing.devices()),
    'displays.revoke': ({ id }) => {
      const result = pairing.revoke(id);
      if (result.ok) logger.info({ device: id }, 'customer display revoked');
      return result;
    },
    'checkout.confirm': ({ revision }) => apply({ type: 'confirmed', revision }),
    'checkout.dispute': ({ revision, lineIds, adjustmentIds, note }) =>
      apply({ type: 'disputed', revision, lineIds, adjustmentIds, note }),
    'checkout.chooseMethod': ({ method }) => apply({ type: 'method_chosen', method }),
    'checkout.changeMethod': () => apply({ type: 'method_cleared' }),
    'checkout.payAnotherWay': () => apply({ type: 'payment_retried' }),
    'checkout.setPart': ({ amount }) => apply({ type: 'part_set', amount }),
    'checkout.activity': () => {
      const r = apply({ type: 'customer_activity' });
      // A touch when nothing waits on the customer is not an error worth showing.
      return r.ok ? r : (ok(checkout.snapshot()) as Result<ReturnType<typeof checkout.snapshot>>);
    },
  };

  const parts = { capture: true, payments: true, devices: true, ...options.parts };
  const capture: CaptureFeature | null = parts.capture
    ? setupCapture({
        config,
        checkout,
        logger: logger.child({ part: 'capture' }),
        reader: options.reader,
        saveRegion: (region: Region) => {
          // Re-read the file so a calibration never overwrites other edits made meanwhile.
          const onDisk = loadConfig(options.dataDir);
          saveConfig(options.dataDir, parseConfig(mergeDeep(onDisk, { capture: { region } })));
        },
      })
    : null;
  let paymentsDown = 'Payments are not running at this station';
  const paymentsOff = (): PaymentsStatus => ({
    available: false,
    state: 'not_running',
    message: paymentsDown,
    since: startedAt,
  });
  // Receipts and spoken amounts follow the payments; set up once the ledger is open.
  let storeOps: StoreOpsFeature | null = null;
  const payments: PaymentsFeature | null = parts.payments
    ? await setupPayments({
        startSandbox: options.startSandbox,
        config,
        dataDir: options.dataDir,
        logger: logger.child({ part: 'payments' }),
        checkout,
        now,
        onStatus: (status) => emit('payments.status', status),
        onResolved: (resolved) => emit('payments.resolved', resolved),
        onPaid: (attemptId) => storeOps?.onPaid(attemptId),
        onRefunded: (attemptId, refundId) => storeOps?.onRefunded(attemptId, refundId),
      }).catch((error: unknown) => {
        // Orders, review and the windows still work; every payment command says why it cannot.
        paymentsDown = `Payments are unavailable: ${error instanceof Error ? error.message : String(error)}`;
        logger.error({ err: error }, 'payments could not start');
        return null;
      })
    : null;
  if (payments)
    storeOps = setupStoreOps({
      config,
      ledger: payments.ledger,
      logger: logger.child({ part: 'store-ops' }),
      now,
      onStatus: (status) => emit('devices.store', status),
    });
  const shifts = payments
    ? setupShifts({
        config,
        dataDir: options.dataDir,
        ledger: payments.ledger,
        printer: storeOps?.printer ?? null,
        logger: logger.child({ part: 'shifts' }),
        now,
        onState: (state) => emit('shift.state', state),
      })
    : null;
  if (payments) {
    // Start-up waits a while for the payment system, so a normal start opens with payments on;
    // past that the station runs and the windows show "payments unavailable, retrying".
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      payments.ready,
      new Promise((r) => (timer = setTimeout(r, options.paymentsWaitMs ?? 15_000))),
    ]);
    clearTimeout(timer);
    resumeCheckout(checkout, payments);
  } else if (checkout.snapshot().phase === 'authorizing')
    checkout.apply({ type: 'notice', code: 'payments_unavailable', text: paymentsDown });
  // Ledger events leave for HQ through the outbox; nothing here waits on HQ.
  const hqSync = payments
    ? setupHqSync({
        dataDir: options.dataDir,
        config: config.hq,
        ledger: payments.ledger,
        logger: logger.child({ part: 'hq' }),
        version: VERSION,
        paymentsState: () => payments.status().state,
        onStatus: (status) => emit('hq.status', hqLink(status)),
        onSettingsSaved: takeSettings,
        payments: payments.service,
      })
    : null;
  const devices: DevicesFeature | null =
    parts.devices && payments
      ? setupDevices({
          config: config.devices,
          logger,
          flow: payments.flow,
          onHealth: (rows) => listeners.forEach((l) => l('devices.health', rows)),
        })
      : null;

  const all: Handlers = {
    ...handlers,
    ...(capture?.handlers ??
      unavailable(
        [
          'capture.read',
          'capture.displays',
          'capture.preview',
          'capture.setRegion',
          'capture.getRegion',
          'devices.capture',
          'pole.check',
          'capture.test',
        ],
        'Screen capture is not running at this station',
      )),
    ...(payments?.handlers ??
      unavailable(
        [
          'credential.submit',
          'scan.submit',
          'payments.history',
          'payments.refund',
          'payments.order',
          'reports.day',
          'reports.reconcile',
          'devices.providers',
          'providers.check',
          'bindings.list',
          'bindings.remove',
        ],
        paymentsDown,
      )),
    ...(storeOps?.handlers ??
      unavailable(
        [
          'reports.items',
          'reports.shiftItems',
          'reports.printItems',
          'devices.store',
          'printer.check',
          'printer.reprint',
          'voice.test',
        ],
        paymentsDown,
      )),
    ...(shifts?.handlers ??
      unavailable(
        ['shift.state', 'cashiers.add', 'shift.signIn', 'shift.close', 'reports.shift'],
        paymentsDown,
      )),
    ...(devices?.handlers ??
      unavailable(
        ['devices.health', 'devices.ports', 'devices.testScan'],
        'Scanners are not running at this station',
      )),
  };
  const dispatch = createDispatcher(all, logger);

  return {
    dispatch,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    checkout,
    pairing,
    setCustomerUrl(url) {
      customerUrl = url;
    },
    readOrder: () =>
      capture
        ? capture.readNow()
        : Promise.resolve(fail('unavailable', 'Screen capture is not running at this station')),
    payments,
    async close() {
      await devices?.close();
      await capture?.close();
      await hqSync?.stop();
      await payments?.close();
      checkout.close();
      pairing.close();
      listeners.clear();
    },
  };
}
