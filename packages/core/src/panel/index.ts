export * from './flags.ts';
export * from './period.ts';
export * from './panel.ts';
