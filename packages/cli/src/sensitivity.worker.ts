// The worker thread of `pingan sensitivity`: runs one analysis with the
// core's message protocol. Resolution hooks do not cross
// into a worker thread, so, like bin/pingan.js, it asks for @pingan/core's
// TypeScript source ("pingan-source" condition) before importing it.
import { registerHooks } from 'node:module';
import { parentPort } from 'node:worker_threads';

registerHooks({
  resolve(specifier, context, nextResolve) {
    const conditions = context.conditions.includes('pingan-source') ? context.conditions : [...context.conditions, 'pingan-source'];
    return nextResolve(specifier, { ...context, conditions });
  },
});

const port = parentPort;
if (!port) throw new Error('sensitivity.worker.ts must run as a worker thread');
const { analysisMessageHandler } = await import('@pingan/core');
const handle = analysisMessageHandler((message) => port.postMessage(message), 5);
port.on('message', handle);
