export * from './ewmaRunLength.ts';
export * from './controlCharts.ts';
export * from './publishedChart.ts';
export * from './nearestLimit.ts';
