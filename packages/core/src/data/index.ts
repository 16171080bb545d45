export * from './observations.ts';
