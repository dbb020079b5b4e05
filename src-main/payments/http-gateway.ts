import type { z } from 'zod';
import {
  apiErrorSchema,
  bindingsAnswerSchema,
  paymentAnswerSchema,
  refundAnswerSchema,
  type PaymentAnswer,
} from '../payment-api/api-schema';
import type { CallOptions, GatewayResult, PaymentGateway } from './gateway';
import { signRequest } from '../payment-api/signing';

export interface HttpGatewayOptions {
  name?: string;
  /** The API's base address, or a getter when it is known only once the system answers. */
  url: string | (() => string);
  merchantId: string;
  key: string;
  /**
   * Per-request timeout, unless the call brings its own (the attempt's limits); past it the
   * answer is unknown and the orchestrator queries.
   */
  timeoutMs: number;
  now?: () => number;
}

/**
 * A provider speaking the signed payment API of docs/payment-api.md over HTTP (the sandbox,
 * or any acquirer adapter that speaks it). Every answer is validated before it is believed.
 */
export function createHttpGateway(opts: HttpGatewayOptions): PaymentGateway {
  const base = () => (typeof opts.url === 'string' ? opts.url : opts.url()).replace(/\/+$/, '');
  const now = opts.now ?? Date.now;

  async function call(
    method: 'GET' | 'POST',
    path: string,
    payload?: unknown,
    wait: { ms: number; signal: AbortSignal } | null = null,
    options: CallOptions = {},
  ): Promise<{ kind: 'http'; status: number; text: string } | { kind: 'unknown'; reason: string }> {
    const timeoutMs = options.timeoutMs ?? opts.timeoutMs;
    const body = payload === undefined ? '' : JSON.stringify(payload);
    const headers = signRequest(
      { merchantId: opts.merchantId, key: opts.key, method, path, body },
      now(),
    );
    try {
      const res = await fetch(base() + path, {
        method,
        headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: method === 'POST' ? body : undefined,
        // A notification is held open by the payment system: its wait comes on top.
        signal: wait
          ? AbortSignal.any([AbortSignal.timeout(timeoutMs + wait.ms), wait.signal])
          : AbortSignal.timeout(timeoutMs),
      });
      return { kind: 'http', status: res.status, text: await res.text() };
    } catch (error) {
      const e = error as Error & { cause?: { code?: string } };
      const reason =
        e.name === 'TimeoutError'
          ? `no answer within ${timeoutMs} ms`
          : (e.cause?.code ?? e.message);
      return { kind: 'unknown', reason };
    }
  }

  function interpret<T>(
    r: Awaited<ReturnType<typeof call>>,
    schema: z.ZodType<T>,
    notFoundIsNull = false,
  ): GatewayResult<T | null> {
    if (r.kind === 'unknown') return r;
    let json: unknown;
    try {
      json = JSON.parse(r.text);
    } catch {
      return { kind: 'unknown', reason: `HTTP ${r.status} with a body that is not JSON` };
    }
    if (r.status >= 500) return { kind: 'unknown', reason: `HTTP ${r.status}` };
    if (r.status === 404 && notFoundIsNull) return { kind: 'answer', value: null };
    if (r.status >= 400) {
      const err = apiErrorSchema.safeParse(json);
      return err.success
        ? { kind: 'refused', code: err.data.error.code, message: err.data.error.message }
        : { kind: 'refused', code: `http_${r.status}`, message: `HTTP ${r.status}` };
    }
    const parsed = schema.safeParse(json);
    return parsed.success
      ? { kind: 'answer', value: parsed.data }
      : { kind: 'unknown', reason: 'the provider answered in an unexpected shape' };
  }

  const nonNull = <T>(r: GatewayResult<T | null>): GatewayResult<T> =>
    r.kind === 'answer' && r.value === null
      ? { kind: 'unknown', reason: 'empty answer' }
      : (r as GatewayResult<T>);
  const id = encodeURIComponent;

  return {
    name: opts.name ?? 'sandbox',
    pay: async (req, options) =>
      nonNull(
        interpret(await call('POST', '/v1/payments', req, null, options), paymentAnswerSchema),
      ),
    query: async (no, options) =>
      interpret<PaymentAnswer>(
        await call('GET', `/v1/payments/${id(no)}`, undefined, null, options),
        paymentAnswerSchema,
        true,
      ),
    awaitChange: async (no, waitMs, signal, options) =>
      interpret<PaymentAnswer>(
        await call(
          'GET',
          `/v1/payments/${id(no)}/notify?waitMs=${Math.round(waitMs)}`,
          undefined,
          { ms: waitMs, signal },
          options,
        ),
        paymentAnswerSchema,
        true,
      ),
    reverse: async (no, options) =>
      nonNull(
        interpret(
          await call('POST', `/v1/payments/${id(no)}/reverse`, {}, null, options),
          paymentAnswerSchema,
        ),
      ),
    refund: async (req, options) =>
      nonNull(interpret(await call('POST', '/v1/refunds', req, null, options), refundAnswerSchema)),
    bindings: async () => {
      const r = nonNull(interpret(await call('GET', '/v1/bindings'), bindingsAnswerSchema));
      return r.kind === 'answer' ? { kind: 'answer', value: r.value.bindings } : r;
    },
    removeBinding: async (bindingId) => {
      const r = nonNull(
        interpret(
          await call('POST', `/v1/bindings/${id(bindingId)}/remove`, {}),
          bindingsAnswerSchema,
        ),
      );
      return r.kind === 'answer' ? { kind: 'answer', value: r.value.bindings } : r;
    },
    statement: async (date) => {
      const r = await call('GET', `/v1/statements/${id(date)}`);
      if (r.kind === 'unknown') return r;
      if (r.status === 200) return { kind: 'answer', value: r.text };
      const err = apiErrorSchema.safeParse(
        (() => {
          try {
            return JSON.parse(r.text);
          } catch {
            return null;
          }
        })(),
      );
      return r.status >= 500 || !err.success
        ? { kind: 'unknown', reason: `HTTP ${r.status}` }
        : { kind: 'refused', code: err.data.error.code, message: err.data.error.message };
    },
  };
}
