// @pingan/core/worker: the messages of analysis and exact-build workers (Web Worker or Node thread).
export * from '../worker/index.ts';
