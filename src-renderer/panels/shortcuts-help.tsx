import { SHORTCUTS } from '../shortcuts';

/** The keyboard reference, always one key (F1) away. */
export function ShortcutsHelp({ compact }: { compact: boolean }) {
  const list = compact
    ? SHORTCUTS.filter((s) =>
        ['send', 'addLine', 'addAdjustment', 'cancel', 'newOrder', 'help'].includes(s.action),
      )
    : SHORTCUTS;
  return (
    <aside className={compact ? 'shortcuts compact' : 'shortcuts'} aria-label="Keyboard shortcuts">
      {!compact && <h2>Keyboard shortcuts</h2>}
      <dl>
        {list.map((s) => (
          <div key={s.action}>
            <dt>
              <kbd>{s.keys}</kbd>
            </dt>
            <dd>{s.label}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
