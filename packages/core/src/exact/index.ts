export * from './decimal.ts';
export * from './exactPanel.ts';
export * from './normaliseExact.ts';
export * from './aggregateExact.ts';
export * from './largestRemainder.ts';
export * from './contributions.ts';
export * from './publish.ts';
