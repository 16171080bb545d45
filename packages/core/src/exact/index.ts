export * from './decimal.ts';
export * from './exactPanel.ts';
export { normaliseExact } from './normaliseExact.ts';
export { aggregateExact, aggregateValuesExact } from './aggregateExact.ts';
export * from './largestRemainder.ts';
export * from './contributions.ts';
export { buildExact, exactInputs, publishChange, type ExactSource, type PublishedChange } from './publish.ts';
export * from './packedExact.ts';
export * from './exactParts.ts';
