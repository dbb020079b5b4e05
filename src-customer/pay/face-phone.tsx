import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Credential } from '../../src-main/contract/credential';
import { dropDescriptor } from './face-memory';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const;

/**
 * Two accounts look alike: the customer confirms with the last 4 digits of their phone number,
 * sent with the same descriptor (no second look at the camera), as face-pay terminals do.
 */
export function FacePhoneCheck({
  descriptor,
  submit,
}: {
  descriptor: number[];
  submit(c: Credential): Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [digits, setDigits] = useState('');
  const [busy, setBusy] = useState(false);
  const press = (k: (typeof KEYS)[number]) =>
    setDigits((d) => (k === 'clear' ? '' : k === 'back' ? d.slice(0, -1) : (d + k).slice(0, 4)));
  const send = async () => {
    if (digits.length !== 4) return;
    setBusy(true);
    dropDescriptor();
    if (!(await submit({ kind: 'face', descriptor, phoneLast4: digits }))) setBusy(false);
  };
  return (
    <div className="proxy-collect face-phone">
      <div className="proxy-entry">
        <p className="lead" data-testid="face-phone-prompt">
          {t('pay.face.phone')}
        </p>
        <output className="code-input proxy-id" aria-label={t('pay.face.phoneLabel')}>
          {digits.padEnd(4, '·')}
        </output>
        <div className="keypad">
          {KEYS.map((k) => (
            <button
              key={k}
              type="button"
              className={k === 'clear' || k === 'back' ? 'key key-fn' : 'key'}
              onClick={() => press(k)}
            >
              {k === 'clear' ? t('pay.proxy.clear') : k === 'back' ? t('pay.proxy.delete') : k}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="big primary"
          disabled={busy || digits.length !== 4}
          onClick={() => void send()}
        >
          {t('pay.face.phoneSubmit')}
        </button>
      </div>
    </div>
  );
}
