import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { idSchema } from './wire';

/** What a station keeps after enrolling: where HQ is and its own credential (file mode 0600). */
export const stationCredentialSchema = z
  .object({
    url: z.string().url(),
    storeId: idSchema,
    stationId: idSchema,
    credential: z.string().min(20),
  })
  .strict();
export type StationCredential = z.infer<typeof stationCredentialSchema>;

/** The credential file in a station's data directory. */
export const credentialFile = (dataDir: string) => join(dataDir, 'hq-credential.json');

/** The station's HQ credential, null when it never enrolled; a damaged file is an error. */
export function loadStationCredential(dataDir: string): StationCredential | null {
  const file = credentialFile(dataDir);
  if (!existsSync(file)) return null;
  const parsed = stationCredentialSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`${file} is not a valid HQ credential; enrol the station again`);
  return parsed.data;
}

/** Writes the credential readable by this user only (temp file, then rename). */
export function saveStationCredential(dataDir: string, credential: StationCredential): void {
  const file = credentialFile(dataDir);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(credential, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

/** The private CA file of config hq.caFile: as given when absolute, else in the data directory. */
export function resolveCaFile(dataDir: string, caFile: string | undefined): string | undefined {
  if (!caFile) return undefined;
  return isAbsolute(caFile) ? caFile : join(dataDir, caFile);
}
