export { competitionRanks } from './competitionRanks.ts';
export { resultsTable, type ResultsRow, type ResultsTableOptions } from './resultsTable.ts';
