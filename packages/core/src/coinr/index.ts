export * from './fromCoinr.ts';
export * from './compileCoinr.ts';
export type { CoinrCell, CoinrRecord, CoinrTable } from './coinrTable.ts';
