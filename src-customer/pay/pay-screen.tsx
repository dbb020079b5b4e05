import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckoutSnapshot } from '../../src-main/contract/checkout';
import type { ContractClient } from '../../src-main/contract/client';
import type { Credential, PaymentMethod } from '../../src-main/contract/credential';
import type { ContractError } from '../../src-main/contract/result';
import { applySnapshot, type StationStore } from '../../src-window-shared/station-store';
import { resultScreenMs } from '../screen-for';
import { AuthorizingScreen } from './authorizing-screen';
import { CollectScreen } from './collect-screen';
import { useFaceOutcome } from './face-memory';
import { PayResultScreen } from './pay-result-screen';

interface Props {
  snapshot: CheckoutSnapshot;
  client: ContractClient<'customer'>;
  store: StationStore;
  /** The station's `resultSeconds`. */
  resultSeconds: number;
}

/**
 * The customer's side of paying, from the credential to the outcome: collecting (per method),
 * authorizing (steps, password request) and the paid / failed result.
 */
export function PayScreen({ snapshot, client, store, resultSeconds }: Props) {
  const { t } = useTranslation();
  useFaceOutcome(snapshot);
  const [failure, setFailure] = useState<{ error: ContractError; revision: number } | null>(null);

  const submit = useCallback(
    async (credential: Credential) => {
      const r = await client.call('credential.submit', { credential });
      if (r.ok) {
        applySnapshot(store, r.value);
        return true;
      }
      setFailure({ error: r.error, revision: store.getState().snapshot?.revision ?? 0 });
      return false;
    },
    [client, store],
  );

  const back = useCallback(async () => {
    const r = await client.call('checkout.changeMethod', {});
    if (r.ok) applySnapshot(store, r.value);
    else setFailure({ error: r.error, revision: store.getState().snapshot?.revision ?? 0 });
  }, [client, store]);

  /** Back to the method choice; with `same`, straight on to the method that was declined. */
  const retry = useCallback(
    async (same: PaymentMethod | null) => {
      const fail = (error: ContractError) =>
        setFailure({ error, revision: store.getState().snapshot?.revision ?? 0 });
      const r = await client.call('checkout.payAnotherWay', {});
      if (!r.ok) return fail(r.error);
      applySnapshot(store, r.value);
      if (!same || r.value.phase !== 'choosing_method') return;
      const chosen = await client.call('checkout.chooseMethod', { method: same });
      if (chosen.ok) applySnapshot(store, chosen.value);
      else fail(chosen.error);
    },
    [client, store],
  );
  const canRetry = snapshot.phase === 'failed' && snapshot.payment !== null;

  let body;
  if (snapshot.phase === 'collecting_credential')
    body = (
      <CollectScreen
        key={snapshot.method}
        snapshot={snapshot}
        submit={submit}
        onBack={snapshot.methods.length > 1 ? back : undefined}
        bindUrl={store.getState().info?.bindUrl ?? null}
        reportCamera={(report) => void client.call('camera.report', report)}
      />
    );
  else if (snapshot.phase === 'authorizing') body = <AuthorizingScreen snapshot={snapshot} />;
  else
    body = (
      <PayResultScreen
        snapshot={snapshot}
        barMs={snapshot.phase === 'paid' ? resultSeconds * 1000 : resultScreenMs(resultSeconds)}
        onRetry={canRetry ? () => void retry(null) : undefined}
        onAgain={
          canRetry && snapshot.method && snapshot.methods.includes(snapshot.method)
            ? () => void retry(snapshot.method)
            : undefined
        }
      />
    );
  const error = failure && failure.revision === snapshot.revision ? failure.error : null;
  return (
    <>
      {body}
      {error && (
        <p className="toast error" role="alert">
          {t('error', { message: error.message })}
        </p>
      )}
    </>
  );
}
