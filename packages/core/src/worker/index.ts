export * from './analysisProtocol.ts';
