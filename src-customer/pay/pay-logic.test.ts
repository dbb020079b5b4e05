import { describe, expect, it } from 'vitest';
import { credentialSchema } from '../../src-main/contract/credential';
import { emptyKeypad, groupDigits, keypadReady, pressKey, PROXY_ID_MAX } from './keypad';
import { reasonOf } from '../../src-window-shared/payment-reason';
import { paymentSteps } from '../../src-window-shared/payment-steps';

const type = (keys: string[]) => keys.reduce(pressKey, emptyKeypad);

describe('proxy keypad', () => {
  it('takes digits, deletes and clears; ignores anything else', () => {
    expect(type(['1', '2', 'x', '3', 'back', '4']).value).toBe('124');
    expect(type(['1', '2', 'clear']).value).toBe('');
    expect(type(['back']).value).toBe('');
    expect(type(['Enter', '-', '.', '5']).value).toBe('5');
  });

  it('is ready at 4 digits, and refuses a digit past the maximum with a reason', () => {
    expect(keypadReady(type(['1', '2', '3']))).toBe(false);
    expect(keypadReady(type(['1', '2', '3', '4']))).toBe(true);
    const full = type(Array.from({ length: PROXY_ID_MAX }, () => '9'));
    const over = pressKey(full, '1');
    expect(over.value).toBe(full.value);
    expect(over.error).toBe('too_long');
    expect(pressKey(over, 'back').error).toBeNull();
  });

  it('produces IDs the contract accepts', () => {
    const id = type(['8', '8', '0', '0', '1', '2']).value;
    expect(credentialSchema.safeParse({ kind: 'proxy', proxyId: id }).success).toBe(true);
    expect(groupDigits('880012345')).toBe('8800 1234 5');
  });
});

describe('merchant QR credential', () => {
  it('carries nothing: the payment system issues the token for the order', () => {
    expect(credentialSchema.safeParse({ kind: 'merchant_qr' }).success).toBe(true);
    expect(credentialSchema.safeParse({ kind: 'merchant_qr', token: 'a'.repeat(32) }).success).toBe(
      false,
    );
  });
});

describe('payment steps', () => {
  const names = (step: Parameters<typeof paymentSteps>[0]) =>
    paymentSteps(step).map((s) => `${s.name}:${s.state}`);

  it('shows the password step only when the payment system waits for it', () => {
    expect(names({ step: 'sending' })).toEqual(['sending:current', 'querying:todo']);
    expect(names({ step: 'user_paying' })).toEqual([
      'sending:done',
      'user_paying:current',
      'querying:todo',
    ]);
    expect(names({ step: 'querying' })).toEqual(['sending:done', 'querying:current']);
    expect(names({ step: 'reversing' })).toEqual([
      'sending:done',
      'querying:done',
      'reversing:current',
    ]);
    expect(names({ step: 'done' })).toEqual(['sending:done', 'querying:done']);
    expect(names(null)).toEqual(['sending:current', 'querying:todo']);
  });

  it('explains known reasons, with or without a message after the code', () => {
    expect(reasonOf({ outcome: 'failed', reason: 'insufficient_funds' })).toBe(
      'insufficient_funds',
    );
    expect(reasonOf({ outcome: 'failed', reason: 'code_expired: the code expired' })).toBe(
      'code_expired',
    );
    expect(reasonOf({ outcome: 'reversed', reason: 'no final answer before the deadline' })).toBe(
      'reversed',
    );
    expect(reasonOf({ outcome: 'failed', reason: 'http_500: boom' })).toBe('unknown');
    expect(reasonOf(null)).toBe('unknown');
  });
});

describe('payment strings', () => {
  it('has plain words in both languages for every reason and step the screens can show', async () => {
    const { en } = await import('../locales/en');
    const { zhCN } = await import('../locales/zh-cn');
    const { KNOWN_REASONS } = await import('../../src-window-shared/payment-reason');
    for (const r of [...KNOWN_REASONS, 'unknown'] as const) {
      expect(en.pay.reason[r], r).toBeTruthy();
      expect(zhCN.pay.reason[r], r).toBeTruthy();
    }
    for (const s of ['sending', 'user_paying', 'querying', 'reversing'] as const)
      expect(zhCN.pay.steps[s], s).toBeTruthy();
  });
});
