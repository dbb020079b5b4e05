import { z } from 'zod';
import { captureRegionSchema } from './region';

/** The `capture` section of config.json: where the legacy POS shows its order, and how to grab it. */
export const captureConfigSchema = z
  .object({
    /** The calibrated order region in the display's physical pixels; null until calibrated. */
    region: captureRegionSchema.nullable().default(null),
    /** 'auto' = native addon when built, else node-screenshots, else screenshot-desktop. */
    backend: z.enum(['auto', 'native', 'node-screenshots', 'screenshot-desktop']).default('auto'),
  })
  .strict();

export type CaptureConfig = z.infer<typeof captureConfigSchema>;
