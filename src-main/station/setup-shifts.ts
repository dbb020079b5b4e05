import type { Logger } from 'pino';
import type { Handlers } from './dispatcher';
import { failBecause, ok } from '../contract/result';
import type { ShiftStateView } from '../contract/shifts';
import type { StationConfig } from '../config/schema';
import type { Ledger } from '../ledger/open-ledger';
import { createShiftStore } from '../ledger/shift-store';
import { handoverDocument } from '../printer/handover-document';
import type { PrinterService } from '../printer/printer-service';
import { cashiersFile, createCashierStore } from '../shifts/cashiers';
import { createFailureLimiter } from './failure-limiter';

type ShiftHandlers = Pick<
  Handlers,
  'shift.state' | 'cashiers.add' | 'shift.signIn' | 'shift.close' | 'reports.shift'
>;

/** The window's reason for each way adding a cashier is refused. */
const CASHIER_REASON = {
  invalid: 'cashier_invalid',
  forbidden: 'manager_pin_needed',
  exists: 'cashier_exists',
} as const;

/**
 * Cashiers and shifts at the station: sign-in with a PIN opens a shift with the float, the close
 * records the count and prints the handover report. Wrong PINs are rate-limited per cashier.
 */
export function setupShifts(deps: {
  config: StationConfig;
  dataDir: string;
  ledger: Ledger;
  printer: PrinterService | null;
  logger: Logger;
  now?: () => number;
  onState?: (state: ShiftStateView) => void;
}): { handlers: ShiftHandlers; state(): ShiftStateView } {
  const { config, ledger, logger } = deps;
  const cashiers = createCashierStore(cashiersFile(deps.dataDir));
  const shifts = createShiftStore(ledger.db, deps.now);
  const limiter = createFailureLimiter({
    perClient: 5,
    global: 20,
    windowMs: 60_000,
    now: deps.now,
  });
  const state = (): ShiftStateView => ({ cashiers: cashiers.list(), current: shifts.current() });
  const changed = () => {
    const s = state();
    deps.onState?.(s);
    return ok(s);
  };
  const language = config.printer.language ?? config.customer.language;

  const handlers: ShiftHandlers = {
    'shift.state': () => ok(state()),
    'cashiers.add': ({ name, pin, role, managerId, managerPin }) => {
      const by = managerId && managerPin ? { id: managerId, pin: managerPin } : null;
      const r = cashiers.add({ name, pin, role }, by);
      if (!r.ok)
        return failBecause(
          r.error.code === 'forbidden' ? 'forbidden' : 'invalid_input',
          CASHIER_REASON[r.error.code],
          r.error.message,
        );
      logger.info({ cashier: r.value.id, role: r.value.role }, 'cashier added');
      return changed();
    },
    'shift.signIn': ({ cashierId, pin, float }) => {
      if (limiter.check(cashierId))
        return failBecause(
          'forbidden',
          'pin_limit',
          'Too many wrong PINs: wait a minute and try again',
        );
      const cashier = cashiers.verify(cashierId, pin);
      if (!cashier) {
        limiter.record(cashierId);
        return failBecause('forbidden', 'wrong_pin', 'Wrong cashier or PIN');
      }
      const r = shifts.open({ cashierId: cashier.id, cashierName: cashier.name, float });
      if (!r.ok) return failBecause('illegal_transition', r.error.code, r.error.message);
      logger.info({ shift: r.value.id, cashier: cashier.id, float }, 'shift opened');
      return changed();
    },
    'shift.close': async ({ counted, handedTo, note, print }) => {
      const r = shifts.close({ counted, handedTo, note });
      if (!r.ok) return failBecause('illegal_transition', r.error.code, r.error.message);
      const report = shifts.report(r.value.id)!;
      logger.info({ shift: r.value.id, counted, difference: report.difference }, 'shift closed');
      changed();
      let printError: string | null = null;
      if (print) {
        if (!deps.printer || !config.printer.enabled)
          printError = 'no receipt printer is configured';
        else {
          const printed = await deps.printer.print(
            handoverDocument(report, {
              storeName: config.store.name,
              paper: config.printer.paper,
              language,
              currency: config.currency,
            }),
            `handover ${r.value.id}`,
          );
          if (!printed.ok) printError = printed.error.message;
        }
      }
      return ok({ report, printed: print && printError === null, printError });
    },
    'reports.shift': ({ shiftId }) => {
      const report = shifts.report(shiftId);
      return report
        ? ok(report)
        : failBecause('invalid_input', 'no_such_shift', `No shift ${shiftId}`, { shiftId });
    },
  };
  return { handlers, state };
}
