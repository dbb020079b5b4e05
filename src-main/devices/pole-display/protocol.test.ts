import { describe, expect, it } from 'vitest';
import { amountInText, createPoleParser, type PoleEvent } from './protocol';

const amounts = (events: PoleEvent[]) =>
  events.flatMap((e) => (e.kind === 'amount' ? [e.value.amount] : []));

describe('esc-qa pole protocol', () => {
  it('reads ESC Q A amounts with the lamp lit, across arbitrary chunk splits', () => {
    const stream = Buffer.from(
      '\x1b@\x0c\x1bs1\x1bQA12.80\r\x1bs2\x1bQA  TOTAL 1,234.50\r',
      'latin1',
    );
    for (let split = 1; split < stream.length; split++) {
      const p = createPoleParser('esc-qa');
      const events = [...p.push(stream.subarray(0, split)), ...p.push(stream.subarray(split))];
      expect(
        events
          .filter((e) => e.kind === 'amount')
          .map((e) => e.kind === 'amount' && [e.value.amount, e.value.lamp]),
      ).toEqual([
        [1280, 'price'],
        [123450, 'total'],
      ]);
    }
  });

  it('skips garbage and recovers at the next command', () => {
    const p = createPoleParser('esc-qa');
    const events = p.push(
      Buffer.from('\xff\xfe#!\x1bQA9.\x00\x01\x1bQA5.00\r\x1bQA12.80\x1bQB3.00\r', 'latin1'),
    );
    expect(amounts(events)).toEqual([500, 300]);
    expect(events.filter((e) => e.kind === 'garbled').length).toBeGreaterThanOrEqual(2);
  });

  it('refuses an over-long line instead of reading a wrong amount', () => {
    const p = createPoleParser('esc-qa');
    const events = p.push(Buffer.from(`\x1bQA${'1'.repeat(60)}\r`, 'latin1'));
    expect(amounts(events)).toEqual([]);
  });
});

describe('plain pole protocol', () => {
  it('takes the last number on each line', () => {
    const p = createPoleParser('plain', 'USD');
    expect(amounts(p.push(Buffer.from('TOTAL  $12.80\r\nCHANGE 0.20\n', 'latin1')))).toEqual([
      1280, 20,
    ]);
  });
  it('amountInText refuses text without a trailing amount', () => {
    expect(amountInText('THANK YOU', 'CNY')).toBeNull();
    expect(amountInText('12.345', 'CNY')).toBeNull();
  });
});
