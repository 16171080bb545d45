#!/usr/bin/env node
/**
 * The `pingan` command line: parses argv, runs a command from commands.ts
 * and prints what it returns. All logic lives in the modules beside this one.
 */
import { parseArgs } from 'node:util';
import { computeCommand, errorResult, isDate, releaseCommand, todayString, validateCommand, type CommandResult } from './commands.ts';
import { COMMAND_HELP, MAIN_HELP } from './help.ts';
import { ExitCode, UsageError } from './issues.ts';
import { CLI_VERSION } from './version.ts';

const OPTIONS = {
  data: { type: 'string' },
  out: { type: 'string' },
  today: { type: 'string' },
  json: { type: 'boolean' },
  all: { type: 'boolean' },
  progress: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  validate: ['data', 'today', 'json', 'help'],
  compute: ['data', 'today', 'json', 'help'],
  release: ['data', 'out', 'today', 'json', 'all', 'progress', 'help'],
};

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stderrIsTty: boolean;
}

/** Runs the command line `argv` (without node and the script) and returns the exit code. */
export function run(argv: readonly string[], io: Io): number {
  let json = argv.includes('--json');
  let result: CommandResult;
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(`${(error as Error).message}\nRun "pingan --help" for usage.`);
    }
    const { values, positionals } = parsed;
    json = values.json === true;
    const [command, ...rest] = positionals;
    if (values.version) {
      io.stdout(`${CLI_VERSION}\n`);
      return ExitCode.Ok;
    }
    if (command === undefined || command === 'help') {
      const topic = command === 'help' ? rest[0] : undefined;
      if (topic !== undefined && !(topic in COMMAND_HELP)) throw new UsageError(`unknown command "${topic}"`);
      io.stdout(topic ? COMMAND_HELP[topic] : MAIN_HELP);
      return command === undefined && !values.help ? ExitCode.Usage : ExitCode.Ok;
    }
    if (!(command in COMMAND_HELP)) throw new UsageError(`unknown command "${command}"; commands: validate, compute, release`);
    if (values.help) {
      io.stdout(COMMAND_HELP[command]);
      return ExitCode.Ok;
    }
    const wrong = Object.keys(values).filter((k) => !ALLOWED[command].includes(k));
    if (wrong.length) throw new UsageError(`${command} does not take ${wrong.map((k) => `--${k}`).join(', ')}`);
    const maxPositionals = command === 'validate' ? 0 : 1;
    if (rest.length > maxPositionals) throw new UsageError(`unexpected argument "${rest[maxPositionals]}"`);
    const month = rest[0];
    if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new UsageError(`"${month}" is not a month (expected YYYY-MM)`);
    if (values.today !== undefined && !isDate(values.today)) throw new UsageError(`--today "${values.today}" is not a date (expected YYYY-MM-DD)`);
    const common = { dataDir: values.data ?? 'data', today: values.today ?? todayString(), json };
    if (command === 'validate') result = validateCommand(common);
    else if (command === 'compute') result = computeCommand({ ...common, ...(month ? { month } : {}) });
    else {
      const showProgress = values.progress === true || io.stderrIsTty;
      result = releaseCommand({
        ...common,
        ...(month ? { month } : {}),
        all: values.all === true,
        ...(values.out !== undefined ? { outDir: values.out } : {}),
        ...(showProgress
          ? {
              onProgress: (done: number, total: number, m: string) => {
                const text = `released ${done}/${total} … ${m}`;
                if (io.stderrIsTty) io.stderr(`\r${text}${done === total ? '\n' : ''}`);
                else io.stderr(`${text}\n`);
              },
            }
          : {}),
      });
    }
  } catch (error) {
    result = errorResult(error, json);
  }
  if (result.stdout) io.stdout(result.stdout);
  if (result.stderr) io.stderr(result.stderr);
  return result.exitCode;
}

if (import.meta.main) {
  const code = run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTty: process.stderr.isTTY === true,
  });
  process.exitCode = code;
}
