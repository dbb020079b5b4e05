import { useTranslation } from 'react-i18next';
import type { AdjustmentKind } from '../../src-main/contract/order';

/** The last cell of a row: its remove button (out of the Tab order; Ctrl+Delete is the key). */
export function RemoveCell({
  hidden,
  label,
  onRemove,
}: {
  hidden: boolean;
  label: string;
  onRemove: () => void;
}) {
  return (
    <td className="col-x">
      {!hidden && (
        <button type="button" tabIndex={-1} className="icon" aria-label={label} onClick={onRemove}>
          ×
        </button>
      )}
    </td>
  );
}

/**
 * Beside a line's amount: a mark when the cashier overrode qty × price (click or F2 computes it
 * again), else a quiet pencil to override on purpose.
 */
export function AmountMark(props: { overridden: boolean; editable: boolean; onToggle(): void }) {
  const { t } = useTranslation();
  if (props.overridden)
    return (
      <button
        type="button"
        tabIndex={-1}
        className="override-mark"
        title={t('editor.overridden')}
        onClick={props.onToggle}
        disabled={!props.editable}
      >
        {t('editor.overrideMark')}
      </button>
    );
  if (!props.editable) return null;
  return (
    <button
      type="button"
      tabIndex={-1}
      className="override-edit"
      aria-label={t('editor.override')}
      title={`${t('editor.override')} (F2)`}
      onClick={props.onToggle}
    >
      ✎
    </button>
  );
}

/** An adjustment's kind: a discount lowers the total, a tax or service charge raises it. */
export function KindCell(props: {
  label: string;
  kind: AdjustmentKind;
  disabled: boolean;
  onChange(kind: AdjustmentKind): void;
}) {
  const { t } = useTranslation();
  return (
    <td colSpan={2} className="adj-kind">
      <select
        aria-label={props.label}
        value={props.kind}
        disabled={props.disabled}
        tabIndex={-1}
        onChange={(e) => props.onChange(e.target.value === 'surcharge' ? 'surcharge' : 'discount')}
      >
        <option value="discount">{t('editor.discount')}</option>
        <option value="surcharge">{t('editor.surcharge')}</option>
      </select>
    </td>
  );
}
