import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../shortcuts';

/** The keyboard reference, always one key (F1) away. */
export function ShortcutsHelp({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const list = compact
    ? SHORTCUTS.filter((s) =>
        ['send', 'addLine', 'addAdjustment', 'cancel', 'newOrder', 'help'].includes(s.action),
      )
    : SHORTCUTS;
  return (
    <aside
      className={compact ? 'shortcuts compact' : 'shortcuts'}
      aria-label={t('shortcuts.title')}
    >
      {!compact && <h2>{t('shortcuts.title')}</h2>}
      <dl>
        {list.map((s) => (
          <div key={s.action}>
            <dt>
              <kbd>{s.keys}</kbd>
            </dt>
            <dd>{t(`shortcuts.${s.action}`)}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
