import { z } from 'zod';

/**
 * The station's link to headquarters, for the cashier window's "HQ: last sync 3 h ago" line.
 * `enrolled` false: this station does not report to an HQ (the line is not shown).
 * - starting: not yet answered; synced: HQ holds everything recorded;
 * - retrying: HQ down, slow or failing, the station keeps everything and retries;
 * - refused: HQ no longer accepts this station (revoked); rejected: HQ refused its ledger.
 */
export const hqLinkSchema = z
  .object({
    enrolled: z.boolean(),
    state: z.enum(['starting', 'synced', 'retrying', 'refused', 'rejected', 'stopped']),
    /** Epoch ms of the last push HQ acknowledged, null before the first. */
    lastSyncAt: z.number().int().nullable(),
    /** Ledger entries not yet held by HQ. */
    pending: z.number().int().min(0),
    message: z.string().max(2000),
    /** The last settings HQ pushed: applied (saved to config.json, taken up live) or refused. */
    settings: z
      .object({
        revision: z.number().int(),
        state: z.enum(['applied', 'refused']),
        message: z.string().max(2000),
      })
      .nullable(),
  })
  .strict();
export type HqLink = z.infer<typeof hqLinkSchema>;
