import { useTranslation } from 'react-i18next';
import type { ActionMessage } from '../use-cashier-actions';

/** The last outcome, in the window's language; an unreadable order lists every cell to fix. */
export function MessageBanner({ message }: { message: ActionMessage }) {
  const { t } = useTranslation();
  const text = message.key ? t(message.key, message.params) : (message.text ?? '');
  const items = [
    ...(message.cells ?? []).map((c) => t(`cell.${c.key}`, c.params)),
    ...(message.issues ?? []),
  ];
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
    </div>
  );
}
