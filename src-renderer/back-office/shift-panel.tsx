import type { ContractError } from '../../src-main/contract/result';
import { errorText } from '../station-text';
import { useErrorText } from '../use-error-text';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractClient } from '../../src-main/contract/client';
import { formatMinor } from '../../src-main/contract/money';
import { writeAmount } from '../editor/number-text';
import { readMoney, useNumberStyle } from '../number-style';
import type { CloseShiftResult, ShiftStateView } from '../../src-main/contract/shifts';
import { timeText } from './format';
import './shift-panel.css';

type Client = ContractClient<'cashier'>;

/**
 * Who is on shift: sign-in with a PIN and the cash float, the open shift, and its close with the
 * cash count, which prints the handover report. Adding a cashier takes a manager's PIN (the
 * first cashier of a station becomes its manager).
 */
export function ShiftPanel({ client, currency }: { client: Client; currency: string }) {
  const { t } = useTranslation();
  const say = useErrorText();
  const [state, setState] = useState<ShiftStateView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [closed, setClosed] = useState<CloseShiftResult | null>(null);

  useEffect(() => {
    let live = true;
    void client.call('shift.state', {}).then((r) => {
      if (!live) return;
      if (r.ok) setState(r.value);
      else setError(say(r.error));
    });
    const off = client.on('shift.state', (next) => setState(next));
    return () => {
      live = false;
      off();
    };
  }, [client, say]);

  const money = (minor: number) => `${formatMinor(minor, currency)} ${currency}`;
  const answer = (
    r: { ok: true; value: ShiftStateView } | { ok: false; error: ContractError | string },
  ) => {
    if (!r.ok) return setError(typeof r.error === 'string' ? r.error : errorText(t, r.error));
    setError(null);
    setState(r.value);
  };

  if (!state)
    return (
      <section className="bo-card shift-panel" data-testid="shift-panel">
        <h2>{t('storeOps.shift.title')}</h2>
        <p className={error ? 'bo-error' : 'bo-muted'}>{error ?? t('devices.reading')}</p>
      </section>
    );
  return (
    <section
      className="bo-card shift-panel"
      aria-label={t('storeOps.shift.title')}
      data-testid="shift-panel"
    >
      <h2>{t('storeOps.shift.title')}</h2>
      {state.current ? (
        <>
          <p data-testid="shift-current">
            {t('storeOps.shift.onShift', {
              name: state.current.cashierName,
              since: timeText(state.current.openedAt),
              float: money(state.current.float),
            })}
          </p>
          <CloseForm
            client={client}
            currency={currency}
            others={state.cashiers
              .filter((c) => c.id !== state.current?.cashierId)
              .map((c) => c.name)}
            onClosed={(r) => {
              setClosed(r);
              setError(null);
            }}
            onError={setError}
          />
        </>
      ) : (
        <SignInForm client={client} currency={currency} state={state} onAnswer={answer} />
      )}
      {closed && (
        <div className="bo-card" data-testid="shift-result" role="status">
          <strong>
            {t('storeOps.shift.closedTitle', { name: closed.report.shift.cashierName })}
          </strong>
          <p>
            {t('storeOps.shift.summary', {
              paid: closed.report.paid.count,
              paidTotal: money(closed.report.paid.total),
              refunded: closed.report.refunded.count,
              refundedTotal: money(closed.report.refunded.total),
              net: money(closed.report.net),
            })}
          </p>
          <p>
            {t('storeOps.shift.cash', {
              expected: money(closed.report.expectedCash),
              counted: money(closed.report.countedCash ?? 0),
              difference: money(closed.report.difference ?? 0),
            })}
          </p>
          <p className={closed.printed ? 'bo-muted' : 'bo-error'} data-testid="shift-printed">
            {closed.printed
              ? t('storeOps.shift.printed')
              : t('storeOps.shift.notPrinted', { error: closed.printError ?? '' })}
          </p>
        </div>
      )}
      <AddCashier client={client} state={state} onAnswer={answer} />
      {error && (
        <p className="bo-error" role="alert" data-testid="shift-error">
          {error}
        </p>
      )}
    </section>
  );
}

function SignInForm({
  client,
  currency,
  state,
  onAnswer,
}: {
  client: Client;
  currency: string;
  state: ShiftStateView;
  onAnswer: (
    r: { ok: true; value: ShiftStateView } | { ok: false; error: ContractError | string },
  ) => void;
}) {
  const { t } = useTranslation();
  const [cashierId, setCashierId] = useState('');
  const [pin, setPin] = useState('');
  const style = useNumberStyle();
  const [float, setFloat] = useState(() => writeAmount(0, currency, style));
  if (state.cashiers.length === 0)
    return <p className="bo-muted">{t('storeOps.shift.noCashiers')}</p>;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const amount = readMoney(float, currency, style);
    if (amount === null || amount < 0)
      return onAnswer({
        ok: false,
        error: t('storeOps.shift.badAmount', { text: float }),
      });
    const r = await client.call('shift.signIn', {
      cashierId: cashierId || state.cashiers[0]!.id,
      pin,
      float: amount,
    });
    setPin('');
    onAnswer(r);
  };
  return (
    <form className="bo-form" onSubmit={(e) => void submit(e)}>
      <label>
        {t('storeOps.shift.cashier')}
        <select
          data-testid="shift-cashier"
          value={cashierId}
          onChange={(e) => setCashierId(e.target.value)}
        >
          {state.cashiers.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('storeOps.shift.pin')}
        <input
          data-testid="shift-pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          value={pin}
          onChange={(e) => setPin(e.target.value)}
        />
      </label>
      <label>
        {t('storeOps.shift.float')}
        <input
          data-testid="shift-float"
          inputMode="decimal"
          value={float}
          onChange={(e) => setFloat(e.target.value)}
        />
      </label>
      <button type="submit" className="primary" data-testid="shift-signin">
        {t('storeOps.shift.signIn')}
      </button>
    </form>
  );
}

function CloseForm({
  client,
  currency,
  others,
  onClosed,
  onError,
}: {
  client: Client;
  currency: string;
  others: string[];
  onClosed: (r: CloseShiftResult) => void;
  onError: (message: string) => void;
}) {
  const { t } = useTranslation();
  const style = useNumberStyle();
  const [counted, setCounted] = useState('');
  const [handTo, setHandTo] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Money is never guessed: an empty or unreadable count is refused, not taken as zero.
    const amount = readMoney(counted, currency, style);
    if (amount === null || amount < 0)
      return onError(t('storeOps.shift.badAmount', { text: counted }));
    const r = await client.call('shift.close', {
      counted: amount,
      handedTo: handTo.trim() || null,
    });
    if (!r.ok) return onError(errorText(t, r.error));
    setCounted('');
    onClosed(r.value);
  };
  return (
    <form className="bo-form" onSubmit={(e) => void submit(e)}>
      <label>
        {t('storeOps.shift.counted')}
        <input
          data-testid="shift-counted"
          inputMode="decimal"
          value={counted}
          onChange={(e) => setCounted(e.target.value)}
        />
      </label>
      <label>
        {t('storeOps.shift.handTo')}
        <input
          data-testid="shift-handto"
          list="shift-handto-names"
          value={handTo}
          onChange={(e) => setHandTo(e.target.value)}
        />
        <datalist id="shift-handto-names">
          {others.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
      </label>
      <button type="submit" className="primary" data-testid="shift-close">
        {t('storeOps.shift.close')}
      </button>
    </form>
  );
}

function AddCashier({
  client,
  state,
  onAnswer,
}: {
  client: Client;
  state: ShiftStateView;
  onAnswer: (
    r: { ok: true; value: ShiftStateView } | { ok: false; error: ContractError | string },
  ) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [managerId, setManagerId] = useState('');
  const [managerPin, setManagerPin] = useState('');
  // Closed until asked for, and closed again once a cashier is added: the tools column is short.
  const [open, setOpen] = useState(false);
  const managers = state.cashiers.filter((c) => c.role === 'manager');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await client.call('cashiers.add', {
      name,
      pin,
      ...(managers.length > 0 ? { managerId: managerId || managers[0]!.id, managerPin } : {}),
    });
    if (r.ok) {
      setOpen(false);
      setName('');
      setPin('');
      setManagerPin('');
    }
    onAnswer(r);
  };
  return (
    <details
      className="bo-details"
      open={open}
      onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
    >
      <summary>{t('storeOps.cashiers.add')}</summary>
      <form className="bo-form" onSubmit={(e) => void submit(e)}>
        <label>
          {t('storeOps.cashiers.name')}
          <input
            data-testid="cashier-add-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label>
          {t('storeOps.shift.pin')}
          <input
            data-testid="cashier-add-pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={pin}
            onChange={(e) => setPin(e.target.value)}
          />
        </label>
        {managers.length > 0 && (
          <>
            <label>
              {t('storeOps.cashiers.manager')}
              <select
                data-testid="cashier-add-manager"
                value={managerId}
                onChange={(e) => setManagerId(e.target.value)}
              >
                {managers.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('storeOps.cashiers.managerPin')}
              <input
                data-testid="cashier-add-manager-pin"
                type="password"
                inputMode="numeric"
                autoComplete="off"
                value={managerPin}
                onChange={(e) => setManagerPin(e.target.value)}
              />
            </label>
          </>
        )}
        {state.cashiers.length === 0 && (
          <p className="bo-muted">{t('storeOps.cashiers.firstIsManager')}</p>
        )}
        <button type="submit" className="secondary" data-testid="cashier-add">
          {t('storeOps.cashiers.addButton')}
        </button>
      </form>
    </details>
  );
}
