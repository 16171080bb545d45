export * from './settings.ts';
export * from './uncertaintyAnalysis.ts';
