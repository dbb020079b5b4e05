import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../src-main/contract/result';

interface Props {
  pair(code: string): Promise<Result<true>>;
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'delete'] as const;

/** The only page an unpaired display shows: a big 6-digit code entry with a touch keypad. */
export function PairingScreen({ pair }: Props) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!/^\d{6}$/.test(code)) return setError(t('pairing.incomplete'));
    setBusy(true);
    const r = await pair(code);
    setBusy(false);
    if (!r.ok) {
      setError(t('pairing.wrong', { message: r.error.message }));
      setCode('');
    }
  };
  const press = (k: (typeof KEYS)[number]) => {
    setError(null);
    if (k === 'clear') setCode('');
    else if (k === 'delete') setCode((c) => c.slice(0, -1));
    else setCode((c) => (c.length < 6 ? c + k : c));
  };

  return (
    <div className="screen pairing-screen">
      <h1>{t('pairing.title')}</h1>
      <p className="lead">{t('pairing.prompt')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <input
          className="code-input"
          aria-label={t('pairing.code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          autoFocus
          onChange={(e) => {
            setError(null);
            setCode(e.target.value.replace(/\D/g, '').slice(0, 6));
          }}
        />
        <div className="keypad">
          {KEYS.map((k) => (
            <button
              key={k}
              type="button"
              className={k.length > 1 ? 'key key-fn' : 'key'}
              onClick={() => press(k)}
            >
              {k === 'clear' ? t('pairing.clear') : k === 'delete' ? '⌫' : k}
            </button>
          ))}
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="big primary" disabled={busy || code.length !== 6}>
          {t('pairing.submit')}
        </button>
      </form>
    </div>
  );
}
