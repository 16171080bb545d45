export * from './denominateValues.ts';
export * from './denominate.ts';
