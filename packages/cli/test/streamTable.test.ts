import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INPUT_COLUMNS, readTable, readTableFile, sha256Hex } from '../src/index.ts';
import { encodeGb18030, encodeUtf8 } from './gb18030.ts';

const dir = mkdtempSync(join(tmpdir(), 'pingan-stream-'));

/** The table read in chunks of `chunk` bytes and read whole are the same, rows, issues, encoding and hash. */
function same(bytes: Uint8Array, chunk: number) {
  const path = join(dir, 'f.csv');
  writeFileSync(path, bytes);
  const streamed = readTableFile(path, 'input/f.csv', INPUT_COLUMNS, chunk);
  expect(streamed.table).toEqual(readTable('input/f.csv', bytes, INPUT_COLUMNS));
  expect(streamed.sha256).toBe(sha256Hex(bytes));
}

describe('readTableFile (streamed) reads exactly what readTable reads', () => {
  it('on fixed cases: quoted line breaks across chunks, CRLF split between chunks, a BOM split, comments, blank lines, GB18030', () => {
    const text = '# note\r\n\r\nregion,month,indicator,value,flag\r\n430302,2025-05,injury,"1\r\n2",\r\n"430304",2025-05,"fire""loss",3,\r\n\r\n430302,2025-05,fire_loss,x,\r\n';
    for (const chunk of [1, 2, 3, 5, 8, 64, 1 << 20]) {
      same(encodeUtf8(text), chunk);
      same(encodeUtf8(text, true), chunk);
      same(encodeGb18030(`地区代码,月份,指标代码,数值,标记\n430302,2025-05,injury,1,估计\n`), chunk);
      same(encodeUtf8('region,month,indicator,value,flag\n430302,2025-05,injury,"1,\n'), chunk); // unterminated quote
      same(new Uint8Array([0xef, 0xbb]), chunk);
      same(new Uint8Array([]), chunk);
    }
  });

  it('on arbitrary text with quotes, separators and line breaks, at every chunk size', () => {
    const piece = fc.oneof(fc.constantFrom('"', '""', ',', '\n', '\r\n', '\r', '#', 'a', '430302', '2025-05', 'injury', '1', ' ', '估计', '\uFEFF'), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.boolean(), fc.integer({ min: 1, max: 24 }), (pieces, bom, chunk) => {
        same(encodeUtf8(`region,month,indicator,value,flag\n${pieces.join('')}`, bom), chunk);
      }),
      { numRuns: Number(process.env.PINGAN_FUZZ_RUNS ?? 300) },
    );
  });
});
