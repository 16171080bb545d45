export * from './settings.ts';
export * from './uncertaintyAnalysis.ts';
export * from './rebuildFromRaw.ts';
