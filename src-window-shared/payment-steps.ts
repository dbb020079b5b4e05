import type { PaymentProgress } from '../src-main/contract/checkout';

export type StepName = 'sending' | 'user_paying' | 'querying' | 'reversing';
export type StepState = 'done' | 'current' | 'todo';

/**
 * The steps to show while authorizing, each done, current or still to come. "Waiting for the
 * password" and "reversing" appear only once they happen: most payments never need them, and
 * showing them up front would worry the customer.
 */
export function paymentSteps(
  payment: Pick<PaymentProgress, 'step'> | null,
): { name: StepName; state: StepState }[] {
  const step = payment?.step ?? 'sending';
  const order: StepName[] = ['sending'];
  if (step === 'user_paying') order.push('user_paying');
  order.push('querying');
  if (step === 'reversing') order.push('reversing');
  const current = step === 'done' ? order.length : order.indexOf(step as StepName);
  return order.map((name, i) => ({
    name,
    state: i < current ? 'done' : i === current ? 'current' : 'todo',
  }));
}
