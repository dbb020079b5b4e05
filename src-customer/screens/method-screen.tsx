import { useTranslation } from 'react-i18next';
import type { PaymentMethod } from '../../src-main/contract/credential';
import type { Order } from '../../src-main/contract/order';
import { MethodIcon } from '../method-icons';
import { moneyText } from '../money-text';

interface Props {
  order: Order | null;
  methods: PaymentMethod[];
  chosen: PaymentMethod | null;
  onChoose(method: PaymentMethod): void;
}

/** The payment-method choice: one big target per method the station offers. */
export function MethodScreen({ order, methods, chosen, onChoose }: Props) {
  const { t } = useTranslation();
  return (
    <div className="screen method-screen">
      {order && <p className="big-total">{moneyText(order.total, order.currency)}</p>}
      <h1>{t('method.title')}</h1>
      <div className="methods" role="group" aria-label={t('method.title')}>
        {methods.map((m) => (
          <button
            key={m}
            type="button"
            className={chosen === m ? 'method chosen' : 'method'}
            data-method={m}
            onClick={() => onChoose(m)}
          >
            <span className="method-icon" aria-hidden="true">
              <MethodIcon method={m} />
            </span>
            <span className="method-name">{t(`method.${m}`)}</span>
            <span className="method-hint">{t(`method.${m}Hint`)}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
