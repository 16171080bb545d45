import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { buildIndex, fromCoinr, getValue, panelFromObservations, resultsTable } from '@pingan/core';
const csv = (f: string) => Papa.parse<Record<string, string>>(readFileSync(`/work/wt/shared/reference/coinr-asem/${f}`, 'utf8'), { header: true }).data;
const coin = fromCoinr({ iData: csv('ASEM_iData.csv'), iMeta: csv('ASEM_iMeta.csv') }, {
  Denominate: {}, Impute: { f_i: 'i_mean_grp', use_group: 'EurAsia_group' }, Screen: { dat_thresh: 0.9, unit_screen: 'byNA' },
  Treat: { global_specs: { f1_para: { winmax: 5 } } }, Normalise: { global_specs: { f_n: 'n_minmax', f_n_para: { l_u: [0, 100] } } }, Aggregate: { f_ag: 'a_amean' },
});
const r = buildIndex(coin.framework, panelFromObservations(coin.framework, coin.observations), coin.options);
console.log(resultsTable(r.aggregated, coin.framework, { codes: ['Index', 'Conn', 'Sust'], decimals: 6 }).slice(0, 3), r.screening);
const ref = Papa.parse<Record<string, string>>(readFileSync('/tmp/i15/bec_aggregated.csv', 'utf8'), { header: true }).data.filter(x => x.uCode);
let max = 0;
for (const row of ref) for (const code of [...coin.framework.indicators, ...coin.framework.aggregates]) { const a = getValue(r.aggregated, row.uCode, '2018', code); if (row[code].trim() === 'NA') continue; max = Math.max(max, Math.abs(a - Number(row[code]))); }
console.log('max', max);
const w = fromCoinr({ iData: csv('ASEM_iData.csv'), iMeta: csv('ASEM_iMeta.csv') }, { Denominate: { denoms: csv('WorldDenoms.csv') } });
const rw = buildIndex(w.framework, panelFromObservations(w.framework, w.observations));
console.log(getValue(rw.denominated, 'AUT', '2018', 'Flights'), 29.01725 / 8877067, getValue(rw.denominated, 'AUT', '2018', 'Population'));
