/**
 * The shipped JSON Schema of framework files (framework.schema.json) is what
 * the zod schema generates, and an independent JSON Schema validator (Ajv)
 * accepts the project's framework and refuses the mistakes the types refuse.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { frameworkJsonSchema } from '../scripts/frameworkJsonSchema.ts';

const here = dirname(fileURLToPath(import.meta.url));
const shipped = readFileSync(join(here, '../framework.schema.json'), 'utf8');
const xiangtan = JSON.parse(readFileSync(join(here, '../../../data/framework/xiangtan.json'), 'utf8')) as { nodes: Record<string, unknown>[] };

describe('framework.schema.json', () => {
  it('is the JSON Schema the zod schema generates (run scripts/frameworkSchema.ts after changing the schema)', () => {
    expect(shipped).toBe(frameworkJsonSchema());
  });

  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(shipped) as object);

  it('accepts the Xiangtan framework file, with or without a $schema key', () => {
    expect(validate(xiangtan), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ $schema: './node_modules/@pingan/core/framework.schema.json', ...xiangtan })).toBe(true);
  });

  it('refuses a misspelt key, method or direction', () => {
    const indicator = xiangtan.nodes.findIndex((n) => n.type === 'indicator');
    const withNode = (change: Record<string, unknown>) => ({ ...xiangtan, nodes: xiangtan.nodes.map((n, i) => (i === indicator ? { ...n, ...change } : n)) });
    expect(validate(withNode({ weigth: 2 }))).toBe(false);
    expect(validate(withNode({ direction: 2 }))).toBe(false);
    expect(validate(withNode({ normalisation: { method: 'goalpost', min: 0, max: 1 } }))).toBe(false);
  });
});
