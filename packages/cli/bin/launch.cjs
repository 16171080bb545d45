// Starts the CLI once bin/pingan.cjs has checked the Node.js version.
// Installed from its tarball, the package holds only the compiled dist/. In
// the workspace, where src/ exists and Node strips types (Node >= 22.18),
// it runs the TypeScript source instead, with @pingan/core resolved from its
// source too ("pingan-source" condition), so no build is needed there.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const source = join(__dirname, '..', 'src');
const compiled = join(__dirname, '..', 'dist', 'main.js');
// Type stripping, and the module hooks src/sourceHooks.ts registers (Node >= 22.15).
const canRunSource = Boolean(process.features.typescript) && typeof require('node:module').registerHooks === 'function';
const fromSource = canRunSource && existsSync(join(source, 'main.ts'));

async function start() {
  if (fromSource) {
    await import(pathToFileURL(join(source, 'sourceHooks.ts')).href);
    return (await import(pathToFileURL(join(source, 'main.ts')).href)).main();
  }
  if (!existsSync(compiled)) {
    process.stderr.write(`pingan: ${compiled} is missing; build the CLI first (pnpm --filter @pingan/cli run build)\n`);
    process.exitCode = 2;
    return;
  }
  return (await import(pathToFileURL(compiled).href)).main();
}

start().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exitCode = 3;
});
