// A worker thread of the exact decimal build (exactThreads.ts): computes one
// block of periods with the core's exact-part protocol.
import { parentPort } from 'node:worker_threads';

// Run from source (.ts, inside the workspace), the thread resolves
// @pingan/core from its source like the main thread: resolution hooks do not
// cross into a worker. The compiled package (.js) needs nothing.
if (import.meta.url.endsWith('.ts')) await import('./sourceHooks.ts');

const port = parentPort;
if (!port) throw new Error('exact.worker must run as a worker thread');
const { exactPartMessageHandler } = await import('@pingan/core');
port.on('message', exactPartMessageHandler((message, transfer) => port.postMessage(message, transfer as ArrayBuffer[])));
