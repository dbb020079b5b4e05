import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir, loadConfig } from '../config/load-config';
import { enrolFace, faceEnrolmentSchema } from '../../src-sandbox/face-routes';
import { openSandboxDb } from '../../src-sandbox/sandbox-db';
import { UsageError, writeJsonLine, type CliIo } from './command';

const HELP = `Usage: countersign face enrol --account ID --phone NUMBER --image FILE [--data-dir DIR]

Enrols a face for a sandbox account: finds the one face in the picture (JPEG, PNG or WebP),
computes its descriptor here (@vladmandic/human on the WASM backend, offline) and stores only
the descriptor and the phone number in the sandbox's database; the picture is not kept. A
running sandbox sees the enrolment on its next face payment. Prints {"enrolled":true,...}.
  --account ID    the wallet account (e.g. wx-alice)
  --phone NUMBER  the account holder's phone; its last 4 digits settle look-alike faces
  --image FILE    a photo with exactly one face
  --data-dir DIR  where sandbox.sqlite lives (default: ${defaultDataDir()})
`;

const MIME: Record<string, string> = { jpg: 'jpeg', jpeg: 'jpeg', png: 'png', webp: 'webp' };

/** `countersign face enrol`: a face picture → a descriptor stored for a sandbox account. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      account: { type: 'string' },
      phone: { type: 'string' },
      image: { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) return (io.stdout.write(HELP), 0);
  if (positionals[0] !== 'enrol') throw new UsageError(`expected 'enrol'\n\n${HELP}`);
  if (!values.image) throw new UsageError('--image FILE is required');
  const type = MIME[values.image.split('.').pop()?.toLowerCase() ?? ''];
  if (!type) throw new UsageError('--image must be a .jpg, .png or .webp file');
  const bytes = await readFile(values.image);
  const parsed = faceEnrolmentSchema.safeParse({
    accountId: values.account,
    phone: values.phone,
    image: `data:image/${type};base64,${bytes.toString('base64')}`,
  });
  if (!parsed.success)
    throw new UsageError(
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const config = loadConfig(dataDir);
  const db = openSandboxDb(join(dataDir, 'sandbox.sqlite'), {
    merchants: [{ id: config.payments.sandbox.merchantId, key: config.payments.sandbox.key }],
    passwordAbove: config.payments.sandbox.passwordAbove,
  });
  try {
    const r = await enrolFace(db, parsed.data, Date.now());
    if (!r.ok) {
      io.stderr.write(`countersign face: ${r.code}: ${r.message}\n`);
      return 1;
    }
    writeJsonLine(io.stdout, { enrolled: true, accountId: parsed.data.accountId });
    return 0;
  } finally {
    db.close();
  }
}
