import { describe, expect, it } from 'vitest';
import type { CheckoutSnapshot } from '../src-main/contract/checkout';
import { createStationStore } from '../src-window-shared/station-store';
import { applyReply } from './apply-reply';

describe('a command reply on the customer display', () => {
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
    applyReply(store, chosen);
    expect(store.getState().snapshot).toBe(hinted);
  });

  it('applies a reply that is newer, or of a later revision', () => {
    const store = createStationStore();
    store.setState({ snapshot: chosen });
    applyReply(store, hinted);
    expect(store.getState().snapshot).toBe(hinted);
    const next = { ...chosen, revision: 8, updatedAt: 1_020 };
    applyReply(store, next);
    expect(store.getState().snapshot).toBe(next);
  });
});
