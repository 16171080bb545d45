export * from './ewmaRunLength.ts';
export * from './controlCharts.ts';
