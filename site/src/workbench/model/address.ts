/**
 * The workbench's address: its settings in the query string, short and
 * readable, e.g. `?v=2&w=order:0.3,homicide:0.5&n=minmax&m=2025-06`. Only
 * what differs from the official settings is written; weights carry at most
 * three decimals. `v` is the format's version. An address that cannot be
 * read in full (malformed, unknown, out of range) gives the official
 * settings and the list of every problem, for the page to show.
 */
import { SAATY, judgementCount } from './ahp.ts';
import { MAX_WEIGHT, MIN_WEIGHT, WEIGHT_DECIMALS, officialState, roundWeight, type WorkbenchContext, type WorkbenchState } from './state.ts';

export const ADDRESS_VERSION = 2;

/** A problem with an address: the parameter and what is wrong, in both languages. */
export interface AddressProblem {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
}

export interface DecodedAddress {
  readonly state: WorkbenchState;
  /** Empty when the address was read in full; otherwise the state is the official one. */
  readonly problems: readonly AddressProblem[];
  /** Notes on an address that was read, such as an old format's weights rounded. */
  readonly notes: readonly AddressProblem[];
}

const show = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** The query string of a state ('' for the official settings). */
export function encodeAddress(ctx: WorkbenchContext, state: WorkbenchState): string {
  const official = officialState(ctx);
  const parts: string[] = [];
  const firstLevel = new Set(state.ahpApplied ? ctx.ahpOrder : []);
  const weights = Object.keys(official.weights)
    .filter((code) => !firstLevel.has(code) && state.weights[code] !== official.weights[code])
    .map((code) => `${code}:${String(state.weights[code])}`);
  if (weights.length) parts.push(`w=${weights.join(',')}`);
  if (state.ahp.join() !== official.ahp.join()) parts.push(`ahp=${state.ahp.join(',')}`);
  if (state.ahpApplied !== official.ahpApplied) parts.push(`ahpw=${state.ahpApplied ? 1 : 0}`);
  if (state.normalisation !== official.normalisation) parts.push(`n=${state.normalisation}`);
  if (state.aggregation !== official.aggregation) parts.push(`a=${state.aggregation}`);
  if (state.month !== official.month) parts.push(`m=${state.month}`);
  if (state.compare.join() !== official.compare.join()) parts.push(`c=${state.compare.join(',')}`);
  return parts.length ? `?v=${ADDRESS_VERSION}&${parts.join('&')}` : '';
}

/**
 * The state an address's query string describes. Version 1 (the first
 * workbench's addresses, without `v`: full-precision weights, `n=goalposts`,
 * `d=` one district) is read too, its weights rounded with a note.
 */
export function decodeAddress(ctx: WorkbenchContext, query: string): DecodedAddress {
  const official = officialState(ctx);
  const problems: AddressProblem[] = [];
  const notes: AddressProblem[] = [];
  const problem = (key: string, zh: string, en: string) => problems.push({ key, zh, en });
  // URLSearchParams never throws: a stray "%" stays as it is and is refused below as a value.
  const params = new URLSearchParams(query);
  const keys = [...params.keys()];
  if (keys.length === 0) return { state: official, problems, notes };
  const versionText = params.get('v');
  const version = versionText === null ? 1 : Number(versionText);
  if (version !== 1 && version !== ADDRESS_VERSION) {
    problem('v', `格式版本 ${show(versionText ?? '')} 无法识别（本页读取版本 1 和 ${ADDRESS_VERSION}）`, `format version ${show(versionText ?? '')} is not known (this page reads versions 1 and ${ADDRESS_VERSION})`);
    return { state: official, problems, notes };
  }
  const known = version === 1 ? ['v', 'w', 'n', 'a', 'd', 'ahp'] : ['v', 'w', 'ahp', 'ahpw', 'n', 'a', 'm', 'c'];
  for (const key of new Set(keys)) {
    if (!known.includes(key)) problem(key, `未知参数 ${show(key)}`, `unknown parameter ${show(key)}`);
    else if (params.getAll(key).length > 1) problem(key, `参数 ${key} 出现了不止一次`, `parameter ${key} appears more than once`);
  }
  const weights: Record<string, number> = { ...official.weights };
  let ahp = [...official.ahp];
  let ahpApplied = official.ahpApplied;
  let normalisation = official.normalisation;
  let aggregation = official.aggregation;
  let month = official.month;
  let compare = [...official.compare];

  const w = params.get('w');
  if (w !== null && w !== '') {
    const seen = new Set<string>();
    let rounded = 0;
    const firstLevel = new Set(ctx.ahpOrder);
    for (const pair of w.split(',')) {
      const colon = pair.indexOf(':');
      const code = colon < 0 ? pair : pair.slice(0, colon);
      const text = colon < 0 ? '' : pair.slice(colon + 1);
      if (!(code in official.weights) || !Object.hasOwn(official.weights, code)) {
        problem('w', `权重 ${show(code)} 不是指标体系中的节点`, `weight ${show(code)} is not a node of the framework`);
        continue;
      }
      if (seen.has(code)) problem('w', `权重 ${code} 出现了不止一次`, `weight ${code} appears more than once`);
      seen.add(code);
      const x = /^\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text) ? Number(text) : Number.NaN;
      const r = roundWeight(x);
      if (r === null) {
        problem('w', `权重 ${code} 的值 ${show(text)} 不在 ${MIN_WEIGHT} 到 ${MAX_WEIGHT} 之间`, `weight ${code}: ${show(text)} is not a number from ${MIN_WEIGHT} to ${MAX_WEIGHT}`);
        continue;
      }
      if (r !== x) {
        if (version === ADDRESS_VERSION) problem('w', `权重 ${code} 的值 ${show(text)} 多于 ${WEIGHT_DECIMALS} 位小数`, `weight ${code}: ${show(text)} has more than ${WEIGHT_DECIMALS} decimals`);
        else rounded++;
      }
      weights[code] = r;
      // A first-level weight set by hand replaces the AHP weights (version 1 always listed them all).
      if (firstLevel.has(code) && (version === ADDRESS_VERSION || r !== roundWeight(official.weights[code]))) ahpApplied = false;
    }
    if (rounded) notes.push({ key: 'w', zh: `这是旧格式的链接：${rounded} 个权重已保留到 ${WEIGHT_DECIMALS} 位小数`, en: `An address in the old format: ${rounded} weights were rounded to ${WEIGHT_DECIMALS} decimals` });
  }
  const ahpText = params.get('ahp');
  if (ahpText !== null) {
    const values = ahpText.split(',');
    const need = judgementCount(ctx.ahpOrder.length);
    if (values.length !== need || !values.every((x) => SAATY.includes(x))) {
      problem('ahp', `AHP 判断 ${show(ahpText)} 应为 ${need} 个 1/9 到 9 之间的萨蒂标度值`, `AHP judgements ${show(ahpText)}: expected ${need} values on Saaty's scale from 1/9 to 9`);
    } else ahp = values;
  }
  const ahpw = params.get('ahpw');
  if (ahpw !== null) {
    if (ahpw === '1' || ahpw === '0') ahpApplied = ahpw === '1';
    else problem('ahpw', `ahpw 应为 0 或 1，而不是 ${show(ahpw)}`, `ahpw must be 0 or 1, not ${show(ahpw)}`);
  }
  const n = params.get('n');
  if (n !== null) {
    if (n === 'minmax') normalisation = 'minmax';
    else if (n === 'framework' || (version === 1 && n === 'goalposts')) normalisation = 'framework';
    else problem('n', `标准化方法 ${show(n)} 无法识别（可用：framework、minmax）`, `normalisation ${show(n)} is not known (framework or minmax)`);
  }
  const a = params.get('a');
  if (a !== null) {
    if (a === 'arithmetic' || a === 'geometric') aggregation = a;
    else problem('a', `合成方法 ${show(a)} 无法识别（可用：arithmetic、geometric）`, `aggregation ${show(a)} is not known (arithmetic or geometric)`);
  }
  const m = params.get('m');
  if (m !== null) {
    if (ctx.months.includes(m)) month = m;
    else problem('m', `月份 ${show(m)} 没有发布`, `month ${show(m)} was not released`);
  }
  const regionCodes = ctx.regions.map((r) => r.code);
  const c = version === 1 ? params.get('d') : params.get('c');
  if (c !== null) {
    const codes = version === 1 ? [ctx.regions.find((r) => r.isCity)?.code ?? '', c] : c.split(',');
    const unknown = codes.filter((code) => !regionCodes.includes(code));
    if (unknown.length) problem(version === 1 ? 'd' : 'c', `地区 ${unknown.map(show).join('、')} 不存在`, `no region ${unknown.map(show).join(', ')}`);
    else if (new Set(codes).size !== codes.length) problem('c', '对比的地区有重复', 'a compared region is listed twice');
    else compare = regionCodes.filter((code) => codes.includes(code));
  }
  if (problems.length) return { state: official, problems, notes: [] };
  return { state: { weights, ahp, ahpApplied, normalisation, aggregation, month, compare }, problems, notes };
}
