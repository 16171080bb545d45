// A worker thread of the exact decimal build (exactThreads.ts): computes one
// block of periods with the core's exact-part protocol.
import './sourceHooks.ts';
import { parentPort } from 'node:worker_threads';

const port = parentPort;
if (!port) throw new Error('exact.worker.ts must run as a worker thread');
const { exactPartMessageHandler } = await import('@pingan/core');
port.on('message', exactPartMessageHandler((message, transfer) => port.postMessage(message, transfer as ArrayBuffer[])));
