import type { CommandArgs, CommandOutput } from '../contract/commands';
import { fail, ok, type Result } from '../contract/result';
import type { ProviderRegistry } from '../payments/gateway';

/**
 * The store's side of wallet bindings: list and remove them at the payment system that holds
 * them (the sandbox, or any provider speaking the payment API's bindings routes).
 */
export function bindingHandlers(providers: ProviderRegistry, provider: string) {
  const gateway = () => providers.get(provider);
  const refused = (why: string) => fail('unavailable', `Bindings: ${why}`);
  return {
    'bindings.list': async (): Promise<Result<CommandOutput<'bindings.list'>>> => {
      const g = gateway();
      if (!g?.bindings) return refused(`the payment system ${provider} keeps no bindings`);
      const r = await g.bindings();
      return r.kind === 'answer'
        ? ok(r.value)
        : refused(r.kind === 'refused' ? r.message : r.reason);
    },
    'bindings.remove': async ({
      bindingId,
    }: CommandArgs<'bindings.remove'>): Promise<Result<CommandOutput<'bindings.remove'>>> => {
      const g = gateway();
      if (!g?.removeBinding) return refused(`the payment system ${provider} keeps no bindings`);
      const r = await g.removeBinding(bindingId);
      return r.kind === 'answer'
        ? ok(r.value)
        : refused(r.kind === 'refused' ? r.message : r.reason);
    },
  };
}
