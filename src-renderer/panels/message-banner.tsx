import { useTranslation } from 'react-i18next';
import { errorText } from '../station-text';
import type { ActionMessage } from '../use-cashier-actions';

/** The last outcome, in the window's language; an unreadable order lists every cell to fix. */
export function MessageBanner({ message }: { message: ActionMessage }) {
  const { t } = useTranslation();
  const text = message.key
    ? t(message.key, message.params)
    : message.error
      ? errorText(t, message.error)
      : '';
  const items = (message.cells ?? []).map((c) => t(`cell.${c.key}`, c.params));
  // The station's field-by-field check is for support, in its own words, folded away.
  const issues = message.error?.issues ?? [];
  return (
    <div
      className={message.tone === 'error' ? 'message error' : 'message info'}
      role={message.tone === 'error' ? 'alert' : 'status'}
      data-testid="message"
    >
      {text}
      {items.length > 0 && (
        <ul>
          {items.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      )}
      {issues.length > 0 && (
        <details>
          <summary>{t('error.details')}</summary>
          <ul>
            {issues.map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
