import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckoutSnapshot } from '../src-main/contract/checkout';
import { applySnapshot, createStationStore } from './station-store';

const snap = (
  revision: number,
  phase: CheckoutSnapshot['phase'],
  updatedAt = revision,
): CheckoutSnapshot => ({
  phase,
  revision,
  order: null,
  dispute: null,
  methods: [],
  method: null,
  payment: null,
  notice: null,
  deadline: null,
  updatedAt,
});

afterEach(() => {
  vi.useRealTimers();
});

describe('station store', () => {
  it('ignores a reply older than the snapshot shown, and notes when the phase changed', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 1_000 });
    const store = createStationStore();
    applySnapshot(store, snap(3, 'review'));
    const since = store.getState().phaseSince;
    applySnapshot(store, snap(2, 'idle'));
    expect(store.getState().snapshot?.revision).toBe(3);
    vi.setSystemTime(1_005);
    applySnapshot(store, snap(4, 'review'));
    expect(store.getState().phaseSince).toBe(since);
    applySnapshot(store, snap(5, 'awaiting_confirmation'));
    expect(store.getState().phaseSince).toBeGreaterThan(since);
  });

  it('accepts a lower revision that is newer in time (the station restarted)', () => {
    const store = createStationStore();
    applySnapshot(store, snap(9, 'review', 1_000));
    applySnapshot(store, snap(0, 'idle', 2_000));
    expect(store.getState().snapshot?.phase).toBe('idle');
  });
});

describe('a command reply in a window', () => {
  const chosen: CheckoutSnapshot = {
    phase: 'collecting_credential',
    revision: 7,
    order: null,
    dispute: null,
    methods: ['code'],
    method: 'code',
    payment: null,
    notice: null,
    deadline: null,
    updatedAt: 1_000,
  };
  const hinted: CheckoutSnapshot = {
    ...chosen,
    updatedAt: 1_050,
    notice: { code: 'code_refused', text: 'That code cannot pay: …', at: 1_050 },
  };

  it('does not undo a hint that came, by event, after the command it answers', () => {
    const store = createStationStore();
    store.setState({ snapshot: hinted });
    applySnapshot(store, chosen);
    expect(store.getState().snapshot).toBe(hinted);
  });

  it('applies a reply that is newer, or of a later revision', () => {
    const store = createStationStore();
    store.setState({ snapshot: chosen });
    applySnapshot(store, hinted);
    expect(store.getState().snapshot).toBe(hinted);
    const next = { ...chosen, revision: 8, updatedAt: 1_020 };
    applySnapshot(store, next);
    expect(store.getState().snapshot).toBe(next);
  });

  it('a restarted station, its revisions from zero, is newer by time', () => {
    const store = createStationStore();
    store.setState({ snapshot: chosen });
    const restarted = { ...chosen, revision: 1, updatedAt: 2_000 };
    applySnapshot(store, restarted);
    expect(store.getState().snapshot).toBe(restarted);
  });
});
