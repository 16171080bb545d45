#!/usr/bin/env node
// Runs src/main.ts with Node's type stripping (Node >= 24). Inside this
// workspace, @pingan/core is resolved from its TypeScript source (the
// "pingan-source" export condition), so no build is needed.
import '../src/sourceHooks.ts';
import process from 'node:process';

const { runAsync, processInterrupts } = await import('../src/main.ts');
process.exitCode = await runAsync(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTty: process.stderr.isTTY === true,
  onInterrupt: processInterrupts,
});
