import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { classifyPaymentCode } from '../contract/payment-code';
import { UsageError, writeJsonLine, type CliIo } from './command';

const HELP = `Usage: countersign code VALUE
       countersign code --batch < codes.jsonl

Classifies a payment code (WeChat Pay, Alipay, UnionPay) the way the station does before any
network call. Prints one JSON object {"input","valid","platform","error"} per code.
  --batch   read one JSON-encoded string per stdin line; a bad line gets valid:false and an
            error, and the batch goes on. Exit status 0 once all lines are read.
Without --batch the exit status is 0 for a valid code, 1 for a refused one.
`;

/** Longest input echoed back; a megabyte of garbage is not worth printing twice. */
const ECHO_LIMIT = 256;

interface CodeLine {
  input: string;
  valid: boolean;
  platform: 'wechat' | 'alipay' | 'unionpay' | null;
  error: string | null;
}

const echo = (s: string) => (s.length > ECHO_LIMIT ? `${s.slice(0, ECHO_LIMIT)}…` : s);

/** One classification as the CLI prints it. */
export function classifyLine(input: string): CodeLine {
  const r = classifyPaymentCode(input);
  return r.valid
    ? { input: echo(input), valid: true, platform: r.platform, error: null }
    : { input: echo(input), valid: false, platform: null, error: r.error };
}

/** Decodes one --batch line (a JSON string) and classifies it; a bad line is a refusal, not a crash. */
export function batchLine(line: string, lineNo: number): CodeLine {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      input: echo(line),
      valid: false,
      platform: null,
      error: `line ${lineNo}: not JSON (${why})`,
    };
  }
  const text = z.string().safeParse(parsed);
  if (!text.success) {
    const type = parsed === null ? 'null' : Array.isArray(parsed) ? 'array' : typeof parsed;
    return {
      input: echo(line),
      valid: false,
      platform: null,
      error: `line ${lineNo}: expected a JSON string, got ${type}`,
    };
  }
  return classifyLine(text.data);
}

/** `countersign code VALUE | --batch` */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = (() => {
    try {
      return parseArgs({
        args: argv,
        allowPositionals: true,
        options: { batch: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      });
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
  })();
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (values.batch) {
    if (positionals.length > 0) throw new UsageError('give either VALUE or --batch, not both');
    const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
    let n = 0;
    for await (const line of lines) {
      n += 1;
      writeJsonLine(io.stdout, batchLine(line, n));
    }
    return 0;
  }
  if (positionals.length !== 1) {
    throw new UsageError(`expected one VALUE (or --batch), got ${positionals.length}\n\n${HELP}`);
  }
  const result = classifyLine(positionals[0]!);
  writeJsonLine(io.stdout, result);
  return result.valid ? 0 : 1;
}
