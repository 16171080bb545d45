export * from './fromCoinr.ts';
export * from './compileCoinr.ts';
