export * from './fromCoinr.ts';
