/**
 * Zod compiles object parsers with `new Function` unless told not to; the
 * site's Content-Security-Policy forbids that (and the browser would log the
 * refusal). This must run before any zod schema is created, so it is the
 * first import of the only module that loads zod in the browser.
 */
const scope = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
scope.__zod_globalConfig ??= {};
scope.__zod_globalConfig.jitless = true;
export {};
