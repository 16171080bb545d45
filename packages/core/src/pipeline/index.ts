export * from './buildIndex.ts';
