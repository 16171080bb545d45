export * from './analysisProtocol.ts';
export * from './exactProtocol.ts';
