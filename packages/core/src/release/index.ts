export * from './schema.ts';
export * from './releaseJson.ts';
export * from './inputsCsv.ts';
export * from './chain.ts';
export * from './revisionsJson.ts';
export * from './verifyReleases.ts';
export * from './releaseWarning.ts';
export * from './writeCsv.ts';
