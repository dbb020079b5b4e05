import type {
  BindingView,
  PayRequest,
  PaymentAnswer,
  RefundAnswer,
  RefundRequest,
} from '../payment-api/api-schema';

/**
 * What a provider call produced:
 * - answer: the provider said something definite;
 * - refused: the provider rejected the request (4xx): nothing was done;
 * - unknown: no usable answer (timeout, reset, 5xx, garbage): something MAY have been done.
 */
export type GatewayResult<T> =
  | { kind: 'answer'; value: T }
  | { kind: 'refused'; code: string; message: string }
  | { kind: 'unknown'; reason: string };

/**
 * One call's own settings, from the attempt that makes it: limits changed while an attempt is
 * under way (pushed by HQ) never reach its calls. A provider with its own timeouts ignores them.
 */
export interface CallOptions {
  /** This call's timeout; the gateway's own when absent. */
  timeoutMs?: number;
}

/** A payment provider as the orchestrator sees it. Every call is idempotent by its numbers. */
export interface PaymentGateway {
  readonly name: string;
  /** The provider's own rule for waiting on an unknown outcome (e.g. WeChat: every 5 s, 30 s). */
  readonly timing?: { queryIntervalMs: number; deadlineMs: number };
  pay(request: PayRequest, call?: CallOptions): Promise<GatewayResult<PaymentAnswer>>;
  /** null value = the provider has never heard of this order number. */
  query(merchantOrderNo: string, call?: CallOptions): Promise<GatewayResult<PaymentAnswer | null>>;
  /**
   * The payment system's notification: answers once the payment leaves `user_paying` (a wallet
   * paid the QR, the payer confirmed, the password was typed) or `waitMs` passed, with the
   * payment's state as a query gives it. Only where the provider notifies; the others are asked.
   */
  awaitChange?(
    merchantOrderNo: string,
    waitMs: number,
    signal: AbortSignal,
    call?: CallOptions,
  ): Promise<GatewayResult<PaymentAnswer | null>>;
  /** Cancels or refunds in full; also blocks a pay request for this number that arrives later. */
  reverse(merchantOrderNo: string, call?: CallOptions): Promise<GatewayResult<PaymentAnswer>>;
  refund(request: RefundRequest, call?: CallOptions): Promise<GatewayResult<RefundAnswer>>;
  /** The provider's statement CSV for a local day (YYYY-MM-DD). */
  statement(date: string): Promise<GatewayResult<string>>;
  /** Wallet accounts bound to this store (password-free up to a limit), where the provider has them. */
  bindings?(): Promise<GatewayResult<BindingView[]>>;
  /** The store ends a binding. */
  removeBinding?(bindingId: string): Promise<GatewayResult<BindingView[]>>;
}

/** Provider name → gateway. Config routes each platform to a name. */
export interface ProviderRegistry {
  register(gateway: PaymentGateway): void;
  get(name: string): PaymentGateway | null;
  names(): string[];
  /** Why a route cannot take payments (a sentence for the cashier), when it cannot. */
  unavailable?(name: string): string | null;
  /** Sets those sentences: route name → sentence. */
  refuseWith?(reasons: Record<string, string>): void;
}

/** An in-memory registry; providers register themselves by name. */
export function createProviderRegistry(gateways: PaymentGateway[] = []): ProviderRegistry {
  const map = new Map(gateways.map((g) => [g.name, g]));
  let refusals: Record<string, string> = {};
  return {
    unavailable: (name) => (map.has(name) ? null : (refusals[name] ?? null)),
    refuseWith: (reasons) => void (refusals = { ...reasons }),
    register: (g) => void map.set(g.name, g),
    get: (name) => map.get(name) ?? null,
    names: () => [...map.keys()],
  };
}
