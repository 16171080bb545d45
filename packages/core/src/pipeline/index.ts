export * from './buildIndex.ts';
export * from './rebuildIndex.ts';
