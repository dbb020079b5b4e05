import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorker, OEM, PSM, type Page, type Worker } from 'tesseract.js';
import {
  seedTraineddataCache,
  traineddataFolder,
  type ModelKind,
  type OcrLanguage,
} from './traineddata';

/** Options of the warm tesseract.js worker pool. */
export interface WorkerPoolOptions {
  languages: readonly OcrLanguage[];
  /** Number of workers kept warm; each job goes to the first idle one. */
  workers: number;
  /** A worker is replaced after this many jobs, because its WASM heap never shrinks. */
  recycleAfter: number;
  /**
   * `lstm` (default): the LSTM-only `best_int` models. `legacy`: tesseract's older pattern
   * classifier from the `full` models: about a third faster on clean screen text, and a
   * second opinion whose mistakes are not the LSTM's.
   */
  engine?: 'lstm' | 'legacy';
  /** Where unzipped traineddata is kept between runs. */
  cacheDir?: string;
}

/** What one OCR job asks for. */
export interface OcrJob {
  /** An encoded image leptonica reads: PGM from our pipeline (no zlib round trip), or PNG. */
  image: Buffer;
  /** Restrict the characters tesseract may output (e.g. digits for numeric re-reads). */
  whitelist?: string;
  psm?: PSM;
}

/** A pool of warm workers. */
export interface WorkerPool {
  recognize(job: OcrJob): Promise<Page>;
  /** Number of jobs each worker has run since it started (for tests and diagnostics). */
  stats(): { workers: number; recycled: number };
  close(): Promise<void>;
}

interface Slot {
  worker: Promise<Worker>;
  jobs: number;
  busy: boolean;
}

/**
 * Starts `workers` tesseract.js workers at once and keeps them warm. Traineddata comes from
 * the @tesseract.js-data npm packages (seeded into `cacheDir`, langPath set to the package
 * folder, so nothing is ever fetched). Jobs queue when every worker is busy; a worker that
 * has done `recycleAfter` jobs is terminated and replaced between jobs.
 */
export function createWorkerPool(options: WorkerPoolOptions): WorkerPool {
  const engine = options.engine ?? 'lstm';
  const model: ModelKind = engine === 'legacy' ? 'full' : 'best_int';
  const cacheDir = options.cacheDir ?? join(tmpdir(), 'countersign-tessdata', model);
  seedTraineddataCache(options.languages, cacheDir, model);
  const langs = [...options.languages];
  const start = (): Promise<Worker> => {
    const worker = createWorker(langs, engine === 'legacy' ? OEM.TESSERACT_ONLY : OEM.LSTM_ONLY, {
      langPath: traineddataFolder(langs[0] ?? 'eng', model),
      cachePath: cacheDir,
      gzip: true,
      cacheMethod: 'readOnly',
      // Without an errorHandler tesseract.js *throws* from its message handler when a job or
      // the start fails ("initialization failed", an unreadable image): an uncaught exception
      // that ends the station. The failing job's promise rejects either way, and we answer it.
      errorHandler: () => undefined,
    });
    // A worker that fails to start must not take the process down as an unhandled rejection
    // before anyone asks it for work; the job that awaits it gets the error instead.
    worker.catch(() => undefined);
    return worker;
  };
  const slots: Slot[] = Array.from({ length: Math.max(1, options.workers) }, () => ({
    worker: start(),
    jobs: 0,
    busy: false,
  }));
  const waiting: Array<(slot: Slot) => void> = [];
  let recycled = 0;
  let closed = false;

  const acquire = (): Promise<Slot> => {
    const idle = slots.find((s) => !s.busy);
    if (idle) {
      idle.busy = true;
      return Promise.resolve(idle);
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (slot: Slot): void => {
    if (slot.jobs >= options.recycleAfter && !closed) {
      const old = slot.worker;
      slot.worker = start();
      slot.jobs = 0;
      recycled++;
      void old.then((w) => w.terminate()).catch(() => undefined);
    }
    const next = waiting.shift();
    if (next) next(slot);
    else slot.busy = false;
  };

  return {
    async recognize(job) {
      if (closed) throw new Error('the OCR worker pool is closed');
      const slot = await acquire();
      try {
        const worker = await slot.worker;
        await worker.setParameters({
          tessedit_pageseg_mode: job.psm ?? PSM.SINGLE_BLOCK,
          tessedit_char_whitelist: job.whitelist ?? '',
          preserve_interword_spaces: '1',
          user_defined_dpi: '300',
          // We invert dark themes ourselves; tesseract would otherwise re-read every doubtful
          // line inverted, doubling the work on exactly the lines that are slow already.
          tessedit_do_invert: '0',
        });
        const result = await worker.recognize(job.image, {}, { blocks: true, text: true });
        slot.jobs++;
        return result.data;
      } finally {
        release(slot);
      }
    },
    stats: () => ({ workers: slots.length, recycled }),
    async close() {
      closed = true;
      await Promise.all(
        slots.map((s) => s.worker.then((w) => w.terminate()).catch(() => undefined)),
      );
    },
  };
}
