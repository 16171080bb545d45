/**
 * The shipped JSON Schema of publication configurations
 * (publication.schema.json) is what the zod schema generates, and an
 * independent JSON Schema validator (Ajv) accepts the project's two
 * configurations and refuses the mistakes the zod schema refuses.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { publicationJsonSchema } from '../scripts/publicationJsonSchema.ts';
import { PublicationSchema } from '../src/index.ts';

const here = dirname(fileURLToPath(import.meta.url));
const shipped = readFileSync(join(here, '../publication.schema.json'), 'utf8');
const root = join(here, '../../..');
const configurations = ['data/publication.json', 'examples/shifan-county/publication.json'].filter((file) => {
  try {
    readFileSync(join(root, file));
    return true;
  } catch {
    return false;
  }
});
const xiangtan = JSON.parse(readFileSync(join(root, 'data/publication.json'), 'utf8')) as Record<string, unknown>;

describe('publication.schema.json', () => {
  it('is the JSON Schema the zod schema generates (run scripts/publicationSchema.ts after changing the schema)', () => {
    expect(shipped).toBe(publicationJsonSchema());
  });

  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(shipped) as object);

  it.each(configurations)('accepts %s, as zod does', (file) => {
    const json = JSON.parse(readFileSync(join(root, file), 'utf8')) as unknown;
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(PublicationSchema.safeParse(json).success).toBe(true);
  });

  it('refuses a misspelt key, an unknown value kind, flag or period, as zod does', () => {
    const indicators = xiangtan.indicators as Record<string, unknown>;
    const mistakes: Record<string, unknown>[] = [
      { ...xiangtan, timezone: 'Asia/Shanghai' },
      { ...xiangtan, indicators: { ...indicators, homicide: { kind: 'percent' } } },
      { ...xiangtan, indicators: { ...indicators, homicide: { kind: 'count', survey: { months: [13] } } } },
      { ...xiangtan, flags: [{ flag: 'final', words: ['最终'], label: { zh: '最终', en: 'final' } }] },
      { ...xiangtan, periods: 'weekly' },
      { ...xiangtan, map: { credit: { zh: '某', en: 'X' } } },
      { ...xiangtan, synthetic: 'yes' },
    ];
    for (const mistake of mistakes) {
      expect(validate(mistake), JSON.stringify(mistake).slice(0, 200)).toBe(false);
      expect(PublicationSchema.safeParse(mistake).success).toBe(false);
    }
  });
});
