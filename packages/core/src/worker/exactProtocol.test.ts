import { describe, expect, it } from 'vitest';
import { buildExact } from '../exact/publish.ts';
import { splitExact, type ExactPart } from '../exact/exactParts.ts';
import { unpackExact } from '../exact/packedExact.ts';
import { defineFramework } from '../framework/defineFramework.ts';
import { createPanel } from '../panel/panel.ts';
import { buildIndex } from '../pipeline/buildIndex.ts';
import { exactPartMessageHandler, type ExactPartMessage } from './exactProtocol.ts';

const name = (en: string) => ({ zh: en, en });
const framework = defineFramework({
  id: 'w',
  version: '1',
  name: name('W'),
  nodes: [
    { code: 'index', type: 'aggregate', parent: null, name: name('Index') },
    { code: 'a', type: 'indicator', parent: 'index', direction: 1, name: name('A') },
    { code: 'b', type: 'indicator', parent: 'index', direction: -1, name: name('B') },
  ],
});
const result = buildIndex(framework, createPanel({ units: ['X', 'Y', 'Z'], periods: ['2025-01', '2025-02'], codes: ['a', 'b'], values: [1, 2, 3, 5, 8, 13, 2, 7, 1, 8, 2, 8] }));

describe('exactPartMessageHandler', () => {
  it('answers a part with its exact panel, naming every buffer to transfer', () => {
    const posted: [ExactPartMessage, readonly ArrayBufferLike[]][] = [];
    const handle = exactPartMessageHandler((message, transfer) => posted.push([message, transfer]));
    const part = (splitExact(result, 2) as ExactPart[])[1];
    handle({ id: 7, part });
    expect(posted).toHaveLength(1);
    const [message, transfer] = posted[0];
    if (message.type !== 'result') throw new Error(message.message);
    expect(message.id).toBe(7);
    expect(message.panel.periods).toEqual(['2025-02']);
    const whole = unpackExact(buildExact(result).values).slice(-message.panel.values.length);
    expect(unpackExact(message.panel.values).map(String)).toEqual(whole.map(String));
    const { signs, exponents, offsets, words } = message.panel.values;
    expect(transfer).toEqual([signs.buffer, exponents.buffer, offsets.buffer, words.buffer, message.panel.flags.buffer]);
  });

  it('answers a part it cannot compute with an error that says why', () => {
    const posted: ExactPartMessage[] = [];
    const handle = exactPartMessageHandler((message) => posted.push(message));
    const part = (splitExact(result, 2) as ExactPart[])[0];
    handle({ id: 1, part: { ...part, framework: { ...part.framework, nodes: [] } } as unknown as ExactPart });
    expect(posted[0]).toMatchObject({ id: 1, type: 'error' });
    expect((posted[0] as { message: string }).message).toMatch(/framework/);
  });
});
