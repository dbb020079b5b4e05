import type { TesseractReaderOptions } from '../tesseract-reader';
import { createWorkerPool, type WorkerPool } from '../worker-pool';

/** The warm tesseract.js worker pools a tesseract reader runs on. */
export interface TesseractPools {
  /** eng + chi_sim by the LSTM: whole regions, name sides, re-reads. */
  main: WorkerPool;
  /** The legacy engine for the number side of a split read; null when split reads are off. */
  numbers: WorkerPool | null;
  /** chi_sim alone, for Chinese names read as Latin look-alikes; null when not wanted. */
  names: WorkerPool | null;
  /** Closes the pools this call started (not those passed in by the options). */
  close(): Promise<void>;
}

/** Starts (or takes from the options) the pools a tesseract reader needs. */
export function startPools(options: TesseractReaderOptions): TesseractPools {
  const languages = options.languages ?? ['eng', 'chi_sim'];
  const recycleAfter = options.recycleAfter ?? 200;
  const main =
    options.pool ?? createWorkerPool({ languages, workers: options.workers ?? 2, recycleAfter });
  const numbers =
    options.splitColumns === false
      ? null
      : (options.numbersPool ??
        createWorkerPool({ languages: ['eng'], workers: 1, recycleAfter, engine: 'legacy' }));
  // Names on a Chinese screen that the eng+chi_sim LSTM took for Latin look-alikes (香蕉 as "EE")
  // are read again by a chi_sim-only worker; see readChineseNames.
  const names =
    languages.includes('chi_sim') && options.chineseNames !== false
      ? (options.namesPool ??
        createWorkerPool({ languages: ['chi_sim'], workers: 1, recycleAfter }))
      : null;
  return {
    main,
    numbers,
    names,
    async close() {
      if (!options.pool) await main.close();
      if (numbers && !options.numbersPool) await numbers.close();
      if (names && !options.namesPool) await names.close();
    },
  };
}
