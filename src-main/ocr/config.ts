import { z } from 'zod';

/** The `ocr` section of config.json: how the order is read off the legacy POS screen. */
export const ocrConfigSchema = z
  .object({
    /**
     * The OCR engine: PaddleOCR (PP-OCRv4 via onnxruntime, read by layout and arithmetic),
     * which measured best on real POS screens, or the tesseract.js pipeline.
     */
    engine: z.enum(['paddle', 'tesseract']).default('paddle'),
    /** tesseract engine: traineddata to load; chi_sim for Chinese item names and labels. */
    languages: z
      .array(z.enum(['eng', 'chi_sim']))
      .min(1)
      .default(['eng', 'chi_sim']),
    /** tesseract engine: warm workers (2 read a tall region as two halves at once). */
    workers: z.number().int().min(1).max(4).default(2),
    /** tesseract engine: jobs after which a worker is replaced (its WASM heap never shrinks). */
    recycleAfter: z.number().int().min(10).max(100_000).default(200),
    /**
     * tesseract engine: names by the LSTM and the number side by the legacy engine at once
     * (about a third faster on two cores); a read that does not check is read again whole.
     */
    splitColumns: z.boolean().default(true),
    /**
     * Read a built-in order once at start, so the first read of the day runs on warm code and
     * loaded models; costs a second or two of CPU in the background at launch.
     */
    warmUp: z.boolean().default(true),
    /** Send an order that read `ok` to the customer display without the cashier's click. */
    autoSend: z.boolean().default(false),
  })
  .strict();

export type OcrConfig = z.infer<typeof ocrConfigSchema>;
