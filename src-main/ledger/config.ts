import { z } from 'zod';

/** The `ledger` section of config.json. */
export const ledgerConfigSchema = z
  .object({
    /** Ledger file; relative paths are inside the data directory. */
    file: z.string().min(1).default('ledger.sqlite'),
    /** FULL survives power loss; NORMAL only process crashes (see docs/benchmarks.md). */
    synchronous: z.enum(['FULL', 'NORMAL']).default('FULL'),
    /** Local hours at which cashier shifts start; a payment belongs to the last one started. */
    shiftStartHours: z.array(z.number().int().min(0).max(23)).min(1).max(6).default([6, 14, 22]),
  })
  .strict();

export type LedgerConfig = z.infer<typeof ledgerConfigSchema>;
