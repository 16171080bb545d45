import * as z from 'zod/mini';
import { FrameworkSchema } from '../src/framework/schema.ts';

/** The JSON Schema text of framework files (what a user writes: defaults optional). */
export function frameworkJsonSchema(): string {
  const schema = z.toJSONSchema(FrameworkSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, $id: 'https://github.com/pingan-index/pingan/packages/core/framework.schema.json', title: 'Pingan index framework', description: 'A framework file for @pingan/core (defineFramework / frameworkFromJson): the indicator tree, directions, denominators, methods and weights.' }, null, 2)}\n`;
}
