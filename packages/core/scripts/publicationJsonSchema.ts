import * as z from 'zod/mini';
import { PublicationSchema } from '../src/publication/schema.ts';

/** The JSON Schema text of publication configuration files (what a user writes: defaults optional). */
export function publicationJsonSchema(): string {
  const schema = z.toJSONSchema(PublicationSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, $id: 'https://github.com/pingan-index/pingan/packages/core/publication.schema.json', title: 'Pingan index publication configuration', description: 'The publication configuration of one index (publication.json beside its framework): names, regions, denominators, value kinds, flags, periods, release calendar, map, synthetic, site URL. See data/README.md.' }, null, 2)}\n`;
}
