import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Languages we ship traineddata for (npm packages @tesseract.js-data/<code>). */
export const OCR_LANGUAGES = ['eng', 'chi_sim'] as const;
export type OcrLanguage = (typeof OCR_LANGUAGES)[number];

/** Which model: `best_int` is the LSTM-only integer model (smaller, faster); `full` has legacy too. */
export type ModelKind = 'best_int' | 'full';

const require = createRequire(import.meta.url);

/** Folder of a language's gzipped traineddata inside its npm package. */
export function traineddataFolder(lang: OcrLanguage, kind: ModelKind = 'best_int'): string {
  const pkg = dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
  return join(pkg, kind === 'best_int' ? '4.0.0_best_int' : '4.0.0');
}

/**
 * Puts each language's traineddata, unzipped, into `cacheDir` under the name tesseract.js
 * looks for first. The packages keep each language in its own folder, while tesseract.js takes
 * a single langPath; seeding its cache lets one worker load eng+chi_sim from the packages
 * with no network fetch ever. A file tagged with the model kind is rewritten when it changes.
 */
export function seedTraineddataCache(
  langs: readonly OcrLanguage[],
  cacheDir: string,
  kind: ModelKind = 'best_int',
): void {
  mkdirSync(cacheDir, { recursive: true });
  for (const lang of langs) {
    const target = join(cacheDir, `${lang}.traineddata`);
    const tag = `${target}.kind`;
    if (existsSync(target) && existsSync(tag) && readFileSync(tag, 'utf8') === kind) continue;
    const gz = readFileSync(join(traineddataFolder(lang, kind), `${lang}.traineddata.gz`));
    // Write then rename: another process (a second station, a parallel test) starting a worker
    // meanwhile reads the old file or the new one, never half of one.
    const part = `${target}.${process.pid}.part`;
    writeFileSync(part, gunzipSync(gz));
    renameSync(part, target);
    writeFileSync(`${tag}.${process.pid}.part`, kind);
    renameSync(`${tag}.${process.pid}.part`, tag);
  }
}
