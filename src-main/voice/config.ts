import { z } from 'zod';

/** The `voice` section of config.json: the amount said aloud after each successful payment. */
export const voiceConfigSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** Language spoken; null: the customer display's language. */
    language: z.enum(['en', 'zh-CN']).nullable().default(null),
    /**
     * The machine's own speech engine: 'auto' picks SAPI on Windows (System.Speech through
     * PowerShell), `say` on macOS, espeak-ng elsewhere.
     */
    engine: z.enum(['auto', 'sapi', 'say', 'espeak-ng']).default('auto'),
    /** Words a minute for espeak-ng and say (SAPI uses its own rate setting). */
    rate: z.number().int().min(80).max(400).default(170),
  })
  .strict();

export type VoiceConfig = z.infer<typeof voiceConfigSchema>;
