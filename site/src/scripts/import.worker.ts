/**
 * The workbench's import worker: validates a framework file a user imports
 * (the one thing the build cannot validate) with core's zod schema. Zod lives
 * only in this worker's bundle, which the page loads when a file is imported.
 */
import '../workbench/zodJitless.ts';
import { importFramework, type ImportRequest } from '../workbench/importFramework.ts';

const scope = self as unknown as { postMessage(message: unknown): void; onmessage: ((event: MessageEvent<ImportRequest>) => void) | null };
scope.onmessage = (event) => scope.postMessage(importFramework(event.data));
