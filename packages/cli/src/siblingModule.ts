/**
 * The URL of a module beside `from` (an `import.meta.url`), with the same
 * extension: `.ts` when the CLI runs from source in the workspace, `.js` in
 * the compiled package. A worker thread is started from a URL, which the
 * TypeScript compiler does not rewrite the way it rewrites imports.
 *
 * @example
 * new Worker(siblingModule('exact.worker', import.meta.url));
 */
export function siblingModule(name: string, from: string): URL {
  const extension = /\.[cm]?[jt]s$/.exec(new URL(from).pathname)?.[0] ?? '.js';
  return new URL(`./${name}${extension}`, from);
}
