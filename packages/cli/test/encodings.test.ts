import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, readInputFile, readInputs, validateData, type DataSet } from '../src/index.ts';
import { encodeGb18030, encodeUtf8 } from './gb18030.ts';
import { dataDir, TODAY } from './helpers.ts';


const rows = [
  ['430302', '2025-05', 'injury', '12', '估计'],
  ['430304', '2025-05', 'fire_loss', '3.5', ''],
  ['430302', '2025-05', 'sense_of_safety', '97.25', '初步'],
  ['430304', '2025-05', 'sense_of_safety', '', ''],
];

function observationsOf(file: string, bytes: Uint8Array) {
  const base = readInputs(dataDir());
  const read = readInputFile(file, bytes);
  const data: DataSet = { ...base, inputs: [read.info], records: read.records, issues: [...base.issues, ...read.issues] };
  const valid = validateData(data, { today: TODAY });
  // The rows are a few cells of one month, on their own: only what concerns reading them is checked here.
  expect(valid.issues.filter((i) => !i.reason.startsWith('missing rows: ') && !i.reason.includes('is a survey collected'))).toEqual([]);
  return { encoding: read.info.encoding, observations: valid.observations.map(({ unit, period, code, value, flag, line }) => ({ unit, period, code, value, flag, line })) };
}

describe('input encodings and headers', () => {
  it('reads GB18030 + CRLF + Chinese headers and UTF-8 BOM + English headers to the same observations', () => {
    const zh = `地区代码,月份,指标代码,数值,标记\r\n${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;
    const en = `region,month,indicator,value,flag\n${rows.map((r) => r.join(',')).join('\n')}\n`;
    const a = observationsOf('input/a.csv', encodeGb18030(zh));
    const b = observationsOf('input/b.csv', encodeUtf8(en, true));
    expect(a.encoding).toBe('gb18030');
    expect(b.encoding).toBe('utf-8-bom');
    expect(a.observations).toEqual(b.observations);
    expect(a.observations).toEqual([
      { unit: '430302', period: '2025-05', code: 'injury', value: 12, flag: 'estimated', line: 2 },
      { unit: '430304', period: '2025-05', code: 'fire_loss', value: 3.5, flag: undefined, line: 3 },
      { unit: '430302', period: '2025-05', code: 'sense_of_safety', value: 97.25, flag: 'provisional', line: 4 },
      { unit: '430304', period: '2025-05', code: 'sense_of_safety', value: null, flag: undefined, line: 5 },
    ]);
  });

  it('reads UTF-8 without BOM, columns in any order, and no flag column', () => {
    const text = 'value,indicator,month,region\n12,injury,2025-05,430302\n';
    const read = observationsOf('input/c.csv', encodeUtf8(text));
    expect(read.encoding).toBe('utf-8');
    expect(read.observations).toEqual([{ unit: '430302', period: '2025-05', code: 'injury', value: 12, flag: undefined, line: 2 }]);
  });

  it('decodes by BOM, then strict UTF-8, then GB18030', () => {
    expect(decodeText(encodeUtf8('平安', true))).toEqual({ ok: true, text: '平安', encoding: 'utf-8-bom' });
    expect(decodeText(encodeUtf8('平安'))).toEqual({ ok: true, text: '平安', encoding: 'utf-8' });
    expect(decodeText(encodeGb18030('平安'))).toEqual({ ok: true, text: '平安', encoding: 'gb18030' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xff]))).toMatchObject({ ok: false, line: 1, column: 2 });
  });

  it('counts lines across quoted line breaks and blank lines', () => {
    const text = 'region,month,indicator,value,flag\r\n\r\n430302,2025-05,injury,"1\r\n2",\r\n430302,2025-05,fire_loss,x,\r\n';
    const read = readInputFile('input/d.csv', encodeUtf8(text));
    expect(read.records.map((r) => r.line)).toEqual([3, 5]);
  });

  it('reads regions.csv and the denominator files with Chinese headers (GB18030, CRLF) as with English ones', () => {
    const english = readInputs(dataDir());
    const dir = dataDir();
    const toChinese = (file: string, header: string) => {
      const lines = readFileSync(join(dir, file), 'utf8').split('\n').filter(Boolean);
      writeFileSync(join(dir, file), encodeGb18030([header, ...lines.slice(1)].join('\r\n') + '\r\n'));
    };
    toChinese('regions.csv', '地区代码,中文名称,英文名称,级别,上级代码');
    toChinese('population.csv', '地区代码,年份,常住人口,来源');
    const chinese = readInputs(dir);
    expect(chinese.issues).toEqual([]);
    expect(chinese.regions).toEqual(english.regions);
    expect(chinese.denominators.map(({ region, period, value, source, line }) => ({ region, period, value, source, line }))).toEqual(
      english.denominators.map(({ region, period, value, source, line }) => ({ region, period, value, source, line })),
    );
    expect(chinese.denominators.length).toBe(5);
    // The value column may also be headed 数值 or value.
    const other = dataDir({ 'population.csv': 'region,year,value,source\n430300,2024,2726000,S\n' });
    expect(readInputs(other).denominators.map((d) => [d.region, d.period, d.value])).toEqual([['430300', '2024', 2726000]]);
  });
});
