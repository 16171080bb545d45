#!/usr/bin/env node
/**
 * The `pingan` command line: parses argv, runs a command from commands.ts
 * and prints what it returns. All logic lives in the modules beside this one.
 */
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { computeCommand, errorResult, isDate, releaseCommand, todayString, validateCommand, verifyCommand, type CommandResult, type CommonOptions } from './commands.ts';
import { COMMAND_HELP, MAIN_HELP } from './help.ts';
import { COMMAND_HELP_ZH, MAIN_HELP_ZH } from './help.zh.ts';
import { localised, t } from './i18n/t.ts';
import { ExitCode, UsageError } from './issues.ts';
import { sensitivityCommand, type AnalysisPhase } from './sensitivity.ts';
import { CLI_VERSION } from './version.ts';
import { warningsCommand } from './warnings.ts';

const OPTIONS = {
  data: { type: 'string' },
  out: { type: 'string' },
  today: { type: 'string' },
  framework: { type: 'string' },
  json: { type: 'boolean' },
  all: { type: 'boolean' },
  progress: { type: 'boolean' },
  n: { type: 'string' },
  'sobol-n': { type: 'string' },
  bootstrap: { type: 'string' },
  seed: { type: 'string' },
  near: { type: 'string' },
  settings: { type: 'string' },
  'start-chain': { type: 'boolean' },
  head: { type: 'string' },
  strict: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  validate: ['data', 'framework', 'today', 'json', 'strict', 'help'],
  verify: ['data', 'out', 'json', 'start-chain', 'head', 'help'],
  compute: ['data', 'framework', 'today', 'json', 'help'],
  release: ['data', 'framework', 'out', 'today', 'json', 'all', 'progress', 'strict', 'help'],
  sensitivity: ['data', 'framework', 'out', 'today', 'json', 'progress', 'n', 'sobol-n', 'bootstrap', 'seed', 'settings', 'help'],
  warnings: ['data', 'framework', 'today', 'json', 'near', 'help'],
};
const COMMANDS = Object.keys(ALLOWED).join(', ');

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stderrIsTty: boolean;
  /** Subscribes a handler to Ctrl-C (SIGINT) while a long command runs; returns the unsubscribe. Used by `sensitivity`. */
  readonly onInterrupt?: (handler: () => void) => () => void;
}

type Values = ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>>['values'];

/** A parsed command line: either finished (help, version) or a command to run. */
type Prepared =
  | { readonly done: number }
  | { readonly command: string; readonly values: Values; readonly month: string | undefined; readonly json: boolean; readonly common: CommonOptions };

/** Node's parseArgs error in the user's language: the unknown option, or the option missing its value. */
function parseArgsMessage(error: Error & { code?: string }): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1];
  if (option && error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return t`unknown option "${option}"`;
  if (option && error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/argument missing/.test(error.message)) return t`option "${option}" needs a value`;
    // "--seed -1": a value that starts with a dash is read as another option.
    if (/ambiguous/.test(error.message)) return t`option "${option}" needs a value; write one that starts with "-" as ${option}=-…`;
    return t`option "${option}" takes no value`;
  }
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return t`unexpected argument: ${error.message}`;
  return error.message;
}

function prepare(argv: readonly string[], io: Io): Prepared {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${parseArgsMessage(error as Error & { code?: string })}\n${t`Run "pingan --help" for usage.`}`);
  }
  const { values, positionals } = parsed;
  const json = values.json === true;
  const [command, ...rest] = positionals;
  if (values.version) {
    io.stdout(`${CLI_VERSION}\n`);
    return { done: ExitCode.Ok };
  }
  if (command === undefined || command === 'help') {
    const topic = command === 'help' ? rest[0] : undefined;
    if (topic !== undefined && !Object.hasOwn(COMMAND_HELP, topic)) throw new UsageError(t`unknown command "${topic}"`);
    io.stdout(topic ? localised({ en: COMMAND_HELP[topic], zh: COMMAND_HELP_ZH[topic] }) : localised({ en: MAIN_HELP, zh: MAIN_HELP_ZH }));
    return { done: command === undefined && !values.help ? ExitCode.Usage : ExitCode.Ok };
  }
  if (!Object.hasOwn(ALLOWED, command)) throw new UsageError(t`unknown command "${command}"; commands: ${COMMANDS}`);
  if (values.help) {
    io.stdout(localised({ en: COMMAND_HELP[command], zh: COMMAND_HELP_ZH[command] }));
    return { done: ExitCode.Ok };
  }
  const wrong = Object.keys(values).filter((k) => !ALLOWED[command].includes(k));
  if (wrong.length) throw new UsageError(t`${command} does not take ${wrong.map((k) => `--${k}`).join(', ')}`);
  const maxPositionals = command === 'validate' || command === 'sensitivity' || command === 'verify' ? 0 : 1;
  if (rest.length > maxPositionals) throw new UsageError(t`unexpected argument "${rest[maxPositionals]}"`);
  const month = rest[0];
  // A quarter (YYYY-Qn) is checked against publication.json's periods when the data are read.
  if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/.test(month)) throw new UsageError(t`"${month}" is not a month (expected YYYY-MM)`);
  if (values.today !== undefined && !isDate(values.today)) throw new UsageError(t`--today "${values.today}" is not a date (expected YYYY-MM-DD)`);
  if (values.framework === '') throw new UsageError(t`--framework needs a file`);
  const common: CommonOptions = {
    dataDir: values.data ?? 'data',
    today: values.today ?? (command === 'verify' ? '' : todayString(values.data ?? 'data')),
    json,
    ...(values.framework !== undefined ? { frameworkFile: values.framework } : {}),
    ...(values.strict === true ? { strict: true } : {}),
  };
  return { command, values, month, json, common };
}

function print(result: CommandResult, io: Io): number {
  if (result.stdout) io.stdout(result.stdout);
  if (result.stderr) io.stderr(result.stderr);
  return result.exitCode;
}

/** Runs the command line `argv` (without node and the script) and returns the exit code. `sensitivity` needs `runAsync`. */
export function run(argv: readonly string[], io: Io): number {
  let json = argv.includes('--json');
  let result: CommandResult;
  try {
    const prepared = prepare(argv, io);
    if ('done' in prepared) return prepared.done;
    json = prepared.json;
    const { command, values, month, common } = prepared;
    if (command === 'validate') result = validateCommand(common);
    else if (command === 'verify') {
      const head = values.head;
      if (head !== undefined && !/^[0-9a-f]{64}$/.test(head)) throw new UsageError(t`--head "${head}" is not a chain entry's hash (64 hexadecimal digits, as verify prints it)`);
      result = verifyCommand({ outDir: values.out ?? join(common.dataDir, 'releases'), json, startChain: values['start-chain'] === true, ...(head !== undefined ? { head } : {}) });
    }
    else if (command === 'compute') result = computeCommand({ ...common, ...(month ? { month } : {}) });
    else if (command === 'warnings') {
      const near = wholeNumber(values, 'near');
      result = warningsCommand({ ...common, ...(month ? { month } : {}), ...(near !== undefined ? { near } : {}) });
    }
    else if (command === 'release') {
      const showProgress = values.progress === true || io.stderrIsTty;
      result = releaseCommand({
        ...common,
        ...(month ? { month } : {}),
        all: values.all === true,
        ...(values.out !== undefined ? { outDir: values.out } : {}),
        ...(showProgress
          ? {
              onProgress: (done: number, total: number, m: string) => {
                const text = t`released ${done}/${total} … ${m}`;
                if (io.stderrIsTty) io.stderr(`\r${text}${done === total ? '\n' : ''}`);
                else io.stderr(`${text}\n`);
              },
            }
          : {}),
      });
    } else throw new UsageError(`${command} runs asynchronously: call runAsync`);
  } catch (error) {
    result = errorResult(error, json);
  }
  return print(result, io);
}

/** A whole number option, or a usage error. */
function wholeNumber(values: Values, key: 'n' | 'sobol-n' | 'bootstrap' | 'seed' | 'near'): number | undefined {
  const text = values[key];
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(t`--${key} "${text}" is not a whole number of 0 or more`);
  return Number(text);
}

/** A progress bar: `uncertainty ███████░░░ 140/200`. */
export function progressBar(label: string, done: number, total: number, width = 20): string {
  const filled = total > 0 ? Math.min(width, Math.floor((done / total) * width)) : width;
  return `${label.padEnd(11)} ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${done}/${total}`;
}

/** A phase of `pingan sensitivity` as its progress bar names it, in the user's language. */
const phaseLabel = (phase: AnalysisPhase) => (phase === 'uncertainty' ? t`uncertainty` : t`sensitivity`);

/**
 * Runs the command line like `run`, for every command including the
 * asynchronous `sensitivity`, and returns the exit code (130 when Ctrl-C
 * cancelled a sensitivity run).
 */
export async function runAsync(argv: readonly string[], io: Io): Promise<number> {
  let json = argv.includes('--json');
  let result: CommandResult;
  try {
    const prepared = prepare(argv, { ...io, stdout: () => {} });
    if ('done' in prepared || prepared.command !== 'sensitivity') return run(argv, io);
    json = prepared.json;
    const { values, common } = prepared;
    const showProgress = values.progress === true || io.stderrIsTty;
    const last = { phase: '', tenth: -1 };
    const onProgress = (phase: AnalysisPhase, done: number, total: number) => {
      if (io.stderrIsTty) {
        io.stderr(`\r${progressBar(phaseLabel(phase), done, total)}${done === total ? '\n' : ''}`);
        return;
      }
      // Not a terminal: one line per tenth, so a log stays short.
      const tenth = Math.floor((done / total) * 10);
      if (phase === last.phase && tenth === last.tenth) return;
      last.phase = phase;
      last.tenth = tenth;
      io.stderr(`${progressBar(phaseLabel(phase), done, total)}\n`);
    };
    const n = wholeNumber(values, 'n');
    const sobolN = wholeNumber(values, 'sobol-n');
    const bootstrap = wholeNumber(values, 'bootstrap');
    const seed = wholeNumber(values, 'seed');
    result = await sensitivityCommand({
      ...common,
      ...(values.out !== undefined ? { outDir: values.out } : {}),
      ...(n !== undefined ? { n } : {}),
      ...(sobolN !== undefined ? { sobolN } : {}),
      ...(bootstrap !== undefined ? { bootstrap } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(values.settings !== undefined ? { settingsFile: values.settings } : {}),
      ...(showProgress ? { onProgress } : {}),
      ...(io.onInterrupt ? { onInterrupt: io.onInterrupt } : {}),
    });
  } catch (error) {
    result = errorResult(error, json);
  }
  return print(result, io);
}

/** Ctrl-C (SIGINT) for `Io.onInterrupt`: while subscribed, SIGINT calls the handler instead of ending the process. */
export function processInterrupts(handler: () => void): () => void {
  process.on('SIGINT', handler);
  return () => process.off('SIGINT', handler);
}

/** Runs `pingan` in this process: its arguments, its standard streams, Ctrl-C; sets the exit code. The bin calls it. */
export async function main(): Promise<void> {
  process.exitCode = await runAsync(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTty: process.stderr.isTTY === true,
    onInterrupt: processInterrupts,
  });
}

// `node src/main.ts …` in the workspace (import.meta.main is undefined before Node 24.2, where the bin runs main()).
if (import.meta.main) await main();
