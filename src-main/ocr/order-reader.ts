import { createPaddleReader, type PaddleReaderOptions } from './paddle-reader';
import type { OrderReader } from './read-result';
import { createTesseractReader, type TesseractReaderOptions } from './tesseract-reader';

export { failed, type CaptureFn, type OrderReader, type ReadOrder } from './read-result';

/** The OCR engines a reader can run on (`ocr.engine` in config). */
export type OcrEngineName = 'paddle' | 'tesseract';

/** Options of {@link createOrderReader}: the engine, and that engine's own options. */
export type OrderReaderOptions = { engine?: OcrEngineName } & PaddleReaderOptions &
  TesseractReaderOptions;

/**
 * Starts a warm order reader on the chosen engine: PaddleOCR (PP-OCRv4 through onnxruntime)
 * read by geometry and arithmetic, the default since it measured best on real POS screens; or
 * the tesseract.js pipeline. Either result is `ok` only when every number checks.
 */
export function createOrderReader(options: OrderReaderOptions = {}): OrderReader {
  return options.engine === 'tesseract'
    ? createTesseractReader(options)
    : createPaddleReader(options);
}
