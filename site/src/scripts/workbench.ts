/**
 * The statistician's workbench (client island): rebuilds the index for every
 * month and area whenever a weight or a method changes, with @pingan/core
 * (reviseNodes + rebuildIndex), and runs uncertainty and sensitivity analyses
 * in a Web Worker. The state lives in the address's query (?w=…&n=…&a=…&d=…&ahp=…), not
 * its fragment, which the skip link uses.
 */
import {
  AggregationSpec,
  NormalisationSpec,
  ValidationError,
  ahpWeights,
  bandOf,
  buildIndex,
  defineFramework,
  frameworkFromJson,
  effectiveWeights,
  frameworkToJson,
  getValue,
  panelFromObservations,
  rebuildIndex,
  reviseNodes,
  roundHalfUp,
  startAnalysis,
  toExact,
  type AggregateNode,
  type AnalysisMessage,
  type AnalysisRequest,
  type AnalysisResult,
  type Framework,
  type FrameworkDocument,
  type IndexResult,
  type NodeRevision,
  type Observation,
  type Panel,
  type SettingSpec,
} from '@pingan/core';
import { rankSvg, sobolSvg, trendSvg } from './workbenchCharts.ts';

type Lang = 'zh' | 'en';
type Norm = 'goalposts' | 'minmax';
type Agg = 'arithmetic' | 'geometric';

interface WorkbenchData {
  month: string;
  revision: number;
  frameworkFile: string;
  framework: FrameworkDocument;
  regions: { code: string; name: { zh: string; en: string }; isCity: boolean; official: string | null }[];
  units: string[];
  periods: string[];
  codes: string[];
  values: (number | null)[];
}

interface State {
  weights: Record<string, number>;
  norm: Norm;
  agg: Agg;
  district: string;
  /** Upper-triangle AHP judgements, row by row, as option values ("3", "1/2"). */
  ahp: string[];
}

const TEXT = {
  zh: {
    loadFailed: '数据载入失败：',
    unavailable: '本次构建没有可用的发布数据（inputs.csv），工作台无法计算；下面是正式权重。',
    ready: (months: number, units: number) => `已载入 ${months} 个月 × ${units} 个地区的数据。`,
    recomputeFailed: '无法按这些设置计算：',
    recomputed: (ms: number) => `重新计算全部月份和地区用时 ${ms.toFixed(1)} 毫秒。`,
    same: '与正式公布相同',
    diff: (d: string) => `与正式公布相差 ${d}`,
    up: (n: number) => `上升 ${n} 位`,
    down: (n: number) => `下降 ${n} 位`,
    nochange: '不变',
    city: '全市',
    officialCity: '全市（正式设置）',
    trendTitle: (d: string) => `全市与${d}平安指数走势（当前设置）`,
    trendDesc: (from: string, to: string, city: string, district: string) => `${from}至${to}的折线图。最新月份：全市 ${city}，所选县市区 ${district}。`,
    band: '（含不确定性区间）',
    crWarn: (cr: string) => `警告：一致性比率 CR = ${cr} ≥ 0.1，判断不够一致，请修改判断。`,
    crOk: (cr: string) => `CR = ${cr} < 0.1，判断一致性可以接受。`,
    invalidWeight: '请输入大于 0 的数字',
    importOk: (name: string) => `已导入“${name}”，控件已按其设置更新。`,
    importErrors: (n: number) => `导入失败：发现 ${n} 个问题`,
    notJson: '不是有效的 JSON：',
    mismatch: '这个指标体系的结构（节点与上级）与工作台使用的不同：',
    unsupportedAgg: (m: string) => `合成方法“${m}”在工作台中不可用（只支持算术平均和几何平均）`,
    running: (what: string) => `正在运行${what}……`,
    ua: '不确定性分析',
    sa: '敏感性分析',
    done: (what: string, s: number) => `${what}完成，用时 ${s.toFixed(1)} 秒。`,
    cancelled: '已取消。',
    failed: '分析失败：',
    stale: '设置已改变，分析结果对应之前的设置；请重新运行。',
    settingNames: ['一级权重', '二级权重', '合成方法', '标准化方法'],
    rankTitle: '各县市区名次分布：圆点为当前设置，菱形为中位数，线段为 5%–95% 区间',
    sobolTitle: 'Sobol 一阶与总效应指数及其自助法区间',
    month: (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`,
    short: (m: string) => `${m.slice(2, 4)}.${Number(m.slice(5))}`,
  },
  en: {
    loadFailed: 'Could not load the data: ',
    unavailable: 'This build has no published data (inputs.csv) to compute with; the official weights are below.',
    ready: (months: number, units: number) => `Loaded ${months} months × ${units} areas.`,
    recomputeFailed: 'Cannot compute with these settings: ',
    recomputed: (ms: number) => `Every month and area recomputed in ${ms.toFixed(1)} ms.`,
    same: 'same as published',
    diff: (d: string) => `${d} against the published value`,
    up: (n: number) => `up ${n}`,
    down: (n: number) => `down ${n}`,
    nochange: 'no change',
    city: 'Whole city',
    officialCity: 'Whole city (official settings)',
    trendTitle: (d: string) => `Safety index of the whole city and ${d} (current settings)`,
    trendDesc: (from: string, to: string, city: string, district: string) => `Line chart from ${from} to ${to}. Latest month: whole city ${city}, chosen district ${district}.`,
    band: ' (with the uncertainty band)',
    crWarn: (cr: string) => `Warning: the consistency ratio CR = ${cr} ≥ 0.1; the judgements are inconsistent, please revise them.`,
    crOk: (cr: string) => `CR = ${cr} < 0.1: the judgements are acceptably consistent.`,
    invalidWeight: 'Enter a number above 0',
    importOk: (name: string) => `Imported “${name}”; the controls now follow it.`,
    importErrors: (n: number) => `Import failed: ${n} problem${n === 1 ? '' : 's'}`,
    notJson: 'Not valid JSON: ',
    mismatch: 'This framework’s structure (nodes and parents) differs from the workbench’s:',
    unsupportedAgg: (m: string) => `The aggregation “${m}” is not available here (only arithmetic and geometric means)`,
    running: (what: string) => `Running the ${what}…`,
    ua: 'uncertainty analysis',
    sa: 'sensitivity analysis',
    done: (what: string, s: number) => `The ${what} finished in ${s.toFixed(1)} s.`,
    cancelled: 'Cancelled.',
    failed: 'The analysis failed: ',
    stale: 'The settings have changed; these results are for the earlier settings. Run again.',
    settingNames: ['First-level weights', 'Second-level weights', 'Aggregation', 'Normalisation'],
    rankTitle: 'Rank distribution by district: dot for the current settings, diamond for the median, line for the 5–95% interval',
    sobolTitle: 'First-order and total Sobol indices with bootstrap intervals',
    month: (m: string) => `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m.slice(5)) - 1]} ${m.slice(0, 4)}`,
    short: (m: string) => `${m.slice(5, 7)}/${m.slice(2, 4)}`,
  },
};

const MINMAX = NormalisationSpec.parse({ method: 'minMax', lower: 1, upper: 100, scope: 'panel' });

function $(root: ParentNode, sel: string): HTMLElement {
  const e = root.querySelector<HTMLElement>(sel);
  if (!e) throw new Error(`workbench: no ${sel}`);
  return e;
}
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}
const signed = (x: string) => (x.startsWith('-') ? `−${x.slice(1)}` : Number(x) === 0 ? x : `+${x}`);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const judgement = (v: string) => (v.startsWith('1/') ? 1 / Number(v.slice(2)) : Number(v));
const SAATY = ['1/9', '1/8', '1/7', '1/6', '1/5', '1/4', '1/3', '1/2', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

export async function startWorkbench(): Promise<void> {
  const root = document.getElementById('wb');
  if (!root) return;
  const lang: Lang = root.dataset.lang === 'en' ? 'en' : 'zh';
  const T = TEXT[lang];
  const status = $(root, '[data-wb=status]');
  const nojs = document.querySelector<HTMLElement>('[data-wb-nojs]');
  const src = root.dataset.src ?? '';
  if (!src) {
    nojs?.prepend(el('p', { class: 'notice', role: 'status' }, T.unavailable));
    return;
  }
  root.hidden = false;
  if (nojs) nojs.hidden = true;

  let data: WorkbenchData;
  try {
    const res = await fetch(src);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    data = (await res.json()) as WorkbenchData;
  } catch (error) {
    status.textContent = T.loadFailed + (error as Error).message;
    return;
  }

  const fw = defineFramework(data.framework);
  const decimals = fw.decimals;
  const observations: Observation[] = [];
  const C = data.codes.length;
  const U = data.units.length;
  data.periods.forEach((period, p) =>
    data.units.forEach((unit, u) =>
      data.codes.forEach((code, c) => {
        const value = data.values[(p * U + u) * C + c];
        if (value !== null) observations.push({ unit, period, code, value });
      }),
    ),
  );
  const nominal: IndexResult = buildIndex(fw, panelFromObservations(fw, observations));
  const city = data.regions.find((r) => r.isCity)?.code ?? data.units[0];
  const districts = data.regions.filter((r) => !r.isCity);
  const month = data.month;
  const regionName = (code: string) => data.regions.find((r) => r.code === code)?.name[lang] ?? code;
  const officialEff = effectiveWeights(fw);
  const rootNode = fw.byCode.get(fw.root) as AggregateNode;
  const groups = rootNode.children;
  const ahpOrder = rootNode.weighting.method === 'ahp' ? [...rootNode.weighting.order] : [...groups];
  const weighted = fw.nodes.filter((n) => n.parent !== null).map((n) => n.code);
  const fmt = (v: number) => (Number.isFinite(v) ? roundHalfUp(toExact(v)!, decimals) : '—');
  // The months with an index (the first eleven have no 12-month window yet).
  const months = nominal.aggregated.periods.filter((p) => Number.isFinite(getValue(nominal.aggregated, city, p, fw.root)));

  const official = (): State => ({
    weights: Object.fromEntries(weighted.map((c) => [c, fw.byCode.get(c)!.weight])),
    norm: 'goalposts',
    agg: 'arithmetic',
    district: districts[0]?.code ?? city,
    ahp: initialAhp(),
  });
  function initialAhp(): string[] {
    const out: string[] = [];
    const m = rootNode.weighting.method === 'ahp' ? rootNode.weighting.matrix : null;
    for (let i = 0; i < ahpOrder.length; i++)
      for (let j = i + 1; j < ahpOrder.length; j++) {
        const x = m ? m[i][j] : 1;
        out.push(SAATY.reduce((best, o) => (Math.abs(Math.log(judgement(o) / x)) < Math.abs(Math.log(judgement(best) / x)) ? o : best), '1'));
      }
    return out;
  }

  /* ---- the address ---- */
  function serialise(s: State): string {
    const w = weighted.map((c) => `${c}:${String(s.weights[c])}`).join(',');
    return `?w=${w}&n=${s.norm}&a=${s.agg}&d=${s.district}&ahp=${s.ahp.join(',')}`;
  }
  function parse(query: string, base: State): State {
    const s: State = { ...base, weights: { ...base.weights }, ahp: [...base.ahp] };
    for (const part of query.replace(/^\?/, '').split('&')) {
      const eq = part.indexOf('=');
      if (eq < 0) continue;
      const key = part.slice(0, eq);
      const value = decodeURIComponent(part.slice(eq + 1));
      if (key === 'w') {
        for (const pair of value.split(',')) {
          const [code, x] = pair.split(':');
          const n = Number(x);
          if (code in s.weights && Number.isFinite(n) && n > 0) s.weights[code] = n;
        }
      } else if (key === 'n' && (value === 'goalposts' || value === 'minmax')) s.norm = value;
      else if (key === 'a' && (value === 'arithmetic' || value === 'geometric')) s.agg = value;
      else if (key === 'd' && districts.some((r) => r.code === value)) s.district = value;
      else if (key === 'ahp') {
        const v = value.split(',');
        if (v.length === s.ahp.length && v.every((x) => SAATY.includes(x))) s.ahp = v;
      }
    }
    return s;
  }

  let state = parse(location.search, official());

  /* ---- the tuned framework and its index ---- */
  const aggSpecs = new Map<string, AggregationSpec>();
  const aggSpec = (node: AggregateNode, method: Agg): AggregationSpec => {
    const key = `${node.code}:${method}`;
    let spec = aggSpecs.get(key);
    if (!spec) {
      spec = AggregationSpec.parse({ ...node.aggregation, method });
      aggSpecs.set(key, spec);
    }
    return spec;
  };
  function tune(s: State): Framework {
    return reviseNodes(fw, (node): NodeRevision | undefined => {
      const weight = node.parent === null ? undefined : s.weights[node.code];
      if (node.type === 'indicator') return { weight, ...(s.norm === 'minmax' ? { normalisation: MINMAX } : {}) };
      return { weight, aggregation: aggSpec(fw.byCode.get(node.code) as AggregateNode, s.agg) };
    });
  }

  let current: { framework: Framework; panel: Panel } | null = null;
  let uaBands: { city: { lower: number[]; upper: number[] } } | null = null;
  const timing = el('p', { class: 'small wb-timing' });
  $(root, '.wb-head').append(timing);

  function recompute(): void {
    const started = performance.now();
    try {
      const framework = tune(state);
      current = { framework, panel: rebuildIndex(nominal, framework) };
    } catch (error) {
      status.textContent = T.recomputeFailed + (error as Error).message;
      status.dataset.error = 'true';
      return;
    }
    timing.textContent = T.recomputed(performance.now() - started);
    if (status.dataset.error) {
      status.textContent = '';
      delete status.dataset.error;
    }
    render();
  }

  /* ---- rendering ---- */
  const indexOut = $(root, '[data-wb=index]');
  const bandOut = $(root, '[data-wb=band]');
  const diffOut = $(root, '[data-wb=diff]');
  const officialCity = data.regions.find((r) => r.isCity)?.official ?? null;

  function render(): void {
    if (!current) return;
    const { framework, panel } = current;
    const value = fmt(getValue(panel, city, month, fw.root));
    indexOut.textContent = value;
    const band = bandOf(framework, value === '—' ? null : value);
    bandOut.className = band ? `band band-${band.code}` : '';
    bandOut.textContent = band ? band.name[lang] : '';
    if (officialCity !== null && value !== '—') {
      const d = toExact(Number(value))!.minus(officialCity);
      diffOut.textContent = d.isZero() ? T.same : T.diff(signed(roundHalfUp(d, decimals)));
    } else diffOut.textContent = '';
    renderTrend();
    renderRanking();
    renderWeights();
  }

  function series(panel: Panel, unit: string): number[] {
    return months.map((p) => getValue(panel, unit, p, fw.root));
  }
  function renderTrend(): void {
    if (!current) return;
    const box = $(root!, '[data-wb=trend]');
    const cityValues = series(current.panel, city);
    const districtValues = series(current.panel, state.district);
    const bandFor = uaBands ? uaBands.city : null;
    const svg = trendSvg({
      months,
      series: [
        { key: 'official', values: series(nominal.aggregated, city), className: 'wb-line-official' },
        { key: 'district', values: districtValues, className: 'wb-line-district' },
        { key: 'city', values: cityValues, className: 'wb-line-city' },
      ],
      band: bandFor,
      title: T.trendTitle(regionName(state.district)) + (bandFor ? T.band : ''),
      desc: T.trendDesc(T.month(months[0]), T.month(months[months.length - 1]), fmt(cityValues[cityValues.length - 1]), fmt(districtValues[districtValues.length - 1])),
      monthLabel: T.short,
    });
    const scroll = el('div', { class: 'chart-scroll', tabindex: '0', role: 'region', 'aria-label': T.trendTitle(regionName(state.district)) });
    scroll.append(svg);
    box.replaceChildren(scroll);
    $(root!, '[data-wb=district-name]').textContent = regionName(state.district);
    $(root!, '[data-wb=band-key]').hidden = !bandFor;
    $(root!, '[data-wb=trend-caption]').textContent = T.trendDesc(T.month(months[0]), T.month(months[months.length - 1]), fmt(cityValues[cityValues.length - 1]), fmt(districtValues[districtValues.length - 1]));
  }

  function rankOf<T>(items: T[], value: (t: T) => number): Map<T, number> {
    const out = new Map<T, number>();
    for (const a of items) {
      const v = value(a);
      out.set(a, Number.isFinite(v) ? 1 + items.filter((b) => value(b) > v).length : Number.NaN);
    }
    return out;
  }
  function renderRanking(): void {
    if (!current) return;
    const panel = current.panel;
    const now = new Map(districts.map((r) => [r.code, Number(fmt(getValue(panel, r.code, month, fw.root)))]));
    const rankNow = rankOf(districts, (r) => now.get(r.code) ?? Number.NaN);
    const rankOfficial = rankOf(districts, (r) => (r.official === null ? Number.NaN : Number(r.official)));
    const rows = [...districts].sort((a, b) => (rankNow.get(a) ?? 99) - (rankNow.get(b) ?? 99) || a.code.localeCompare(b.code));
    $(root!, '[data-wb=ranking]').replaceChildren(
      ...rows.map((r) => {
        const tr = el('tr');
        const a = rankNow.get(r) ?? Number.NaN;
        const b = rankOfficial.get(r) ?? Number.NaN;
        const move = !Number.isFinite(a) || !Number.isFinite(b) ? '—' : a < b ? `↑ ${T.up(b - a)}` : a > b ? `↓ ${T.down(a - b)}` : T.nochange;
        tr.append(
          el('th', { scope: 'row' }, r.name[lang]),
          el('td', { class: 'num' }, fmt(getValue(panel, r.code, month, fw.root))),
          el('td', { class: 'num' }, Number.isFinite(a) ? String(a) : '—'),
          el('td', { class: 'num' }, r.official ?? '—'),
          el('td', { class: 'num' }, Number.isFinite(b) ? String(b) : '—'),
          el('td', {}, move),
        );
        return tr;
      }),
    );
  }

  function renderWeights(): void {
    if (!current) return;
    const f = current.framework;
    const eff = effectiveWeights(f);
    const share = (code: string) => {
      const node = f.byCode.get(code)!;
      const parent = f.byCode.get(node.parent!) as AggregateNode;
      const total = parent.children.reduce((s, c) => s + (f.byCode.get(c)?.weight ?? 0), 0);
      return node.weight / total;
    };
    const row = (code: string, isGroup: boolean) => {
      const tr = el('tr', isGroup ? { class: 'wb-group-row' } : {});
      const diff = (eff[code] ?? 0) - (officialEff[code] ?? 0);
      const d = (diff * 100).toFixed(1);
      tr.append(
        el('th', { scope: 'row', class: isGroup ? '' : 'wb-indent' }, f.byCode.get(code)!.name[lang]),
        el('td', { class: 'num' }, pct(share(code))),
        el('td', { class: 'num' }, pct(eff[code] ?? 0)),
        el('td', { class: 'num' }, pct(officialEff[code] ?? 0)),
        el('td', { class: 'num' }, Math.abs(diff) < 0.0005 ? '0.0' : signed(d)),
      );
      return tr;
    };
    $(root!, '[data-wb=weights]').replaceChildren(
      ...groups.flatMap((g) => [row(g, true), ...(f.byCode.get(g) as AggregateNode).children.map((c) => row(c, false))]),
    );
  }

  /* ---- controls ---- */
  const numberInputs = new Map<string, HTMLInputElement>();
  const rangeInputs = new Map<string, HTMLInputElement>();
  for (const code of weighted) {
    numberInputs.set(code, $(root, `#w-${code}`) as HTMLInputElement);
    rangeInputs.set(code, $(root, `#wr-${code}`) as HTMLInputElement);
  }
  const shown = (w: number) => String(Number(w.toFixed(4)));
  function syncControls(): void {
    for (const code of weighted) {
      const w = state.weights[code];
      const n = numberInputs.get(code)!;
      if (Number(n.value) !== w) n.value = shown(w);
      n.removeAttribute('aria-invalid');
      rangeInputs.get(code)!.value = String(Math.min(1, w));
    }
    for (const r of root!.querySelectorAll<HTMLInputElement>('input[name=wb-norm]')) r.checked = r.value === state.norm;
    for (const r of root!.querySelectorAll<HTMLInputElement>('input[name=wb-agg]')) r.checked = r.value === state.agg;
    ($(root!, '#wb-district') as HTMLSelectElement).value = state.district;
    let k = 0;
    for (let i = 0; i < ahpOrder.length; i++) for (let j = i + 1; j < ahpOrder.length; j++) ($(root!, `#ahp-${i}-${j}`) as HTMLSelectElement).value = state.ahp[k++];
    renderAhp();
  }
  function saveAddress(): void {
    const query = serialise(state);
    history.replaceState(history.state, '', `${location.pathname}${query}${location.hash}`);
    // The language switch keeps the settings.
    const other = document.querySelector<HTMLAnchorElement>('a.lang-switch');
    if (other) other.setAttribute('href', `${new URL(other.href).pathname}${query}`);
  }
  function changed(): void {
    saveAddress();
    if (uaBands || !uaOut.hidden || !saOut.hidden) markStale();
    recompute();
  }

  for (const code of weighted) {
    const n = numberInputs.get(code)!;
    const r = rangeInputs.get(code)!;
    const fromNumber = () => {
      const x = Number(n.value);
      if (n.value.trim() === '' || !Number.isFinite(x) || x <= 0) {
        n.setAttribute('aria-invalid', 'true');
        n.title = T.invalidWeight;
        return;
      }
      n.removeAttribute('aria-invalid');
      n.removeAttribute('title');
      if (state.weights[code] === x) return;
      state.weights[code] = x;
      r.value = String(Math.min(1, x));
      changed();
    };
    const fromRange = () => {
      const x = Number(r.value);
      if (!(x > 0) || state.weights[code] === x) return;
      state.weights[code] = x;
      n.value = shown(x);
      n.removeAttribute('aria-invalid');
      changed();
    };
    n.addEventListener('input', fromNumber);
    n.addEventListener('change', fromNumber);
    r.addEventListener('input', fromRange);
    r.addEventListener('change', fromRange);
  }
  for (const r of root.querySelectorAll<HTMLInputElement>('input[name=wb-norm]')) {
    r.addEventListener('change', () => {
      if (r.checked) {
        state.norm = r.value === 'minmax' ? 'minmax' : 'goalposts';
        changed();
      }
    });
  }
  for (const r of root.querySelectorAll<HTMLInputElement>('input[name=wb-agg]')) {
    r.addEventListener('change', () => {
      if (r.checked) {
        state.agg = r.value === 'geometric' ? 'geometric' : 'arithmetic';
        changed();
      }
    });
  }
  const districtSelect = $(root, '#wb-district') as HTMLSelectElement;
  districtSelect.addEventListener('change', () => {
    state.district = districtSelect.value;
    saveAddress();
    renderTrend();
  });
  $(root, '[data-wb=reset]').addEventListener('click', () => {
    state = { ...official(), district: state.district };
    syncControls();
    changed();
  });

  /* ---- AHP ---- */
  let ahpResult: ReturnType<typeof ahpWeights> | null = null;
  function ahpMatrix(): number[][] {
    const n = ahpOrder.length;
    const m = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j): number => (i === j ? 1 : 0)));
    let k = 0;
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const x = judgement(state.ahp[k++]);
        m[i][j] = x;
        m[j][i] = 1 / x;
      }
    return m;
  }
  function renderAhp(): void {
    const m = ahpMatrix();
    for (const cell of root!.querySelectorAll<HTMLElement>('[data-recip]')) {
      const [j, i] = (cell.dataset.recip ?? '0-0').split('-').map(Number);
      const v = state.ahp[ahpIndex(j, i)];
      cell.textContent = v.startsWith('1/') ? v.slice(2) : v === '1' ? '1' : `1/${v}`;
    }
    ahpResult = ahpWeights(m);
    ahpOrder.forEach((code, i) => {
      $(root!, `[data-ahp-w="${code}"]`).textContent = ahpResult!.weights[i].toFixed(3);
    });
    $(root!, '[data-wb=lambda]').textContent = ahpResult.lambdaMax.toFixed(3);
    const cr = ahpResult.consistencyRatio.toFixed(3);
    $(root!, '[data-wb=cr]').textContent = cr;
    const warn = $(root!, '[data-wb=cr-warning]');
    const bad = ahpResult.consistencyRatio >= 0.1;
    warn.hidden = false;
    warn.className = bad ? 'wb-warning wb-warning-bad' : 'wb-warning wb-warning-ok';
    warn.textContent = bad ? `⚠ ${T.crWarn(cr)}` : `✓ ${T.crOk(cr)}`;
  }
  function ahpIndex(i: number, j: number): number {
    const n = ahpOrder.length;
    let k = 0;
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) {
      if (a === i && b === j) return k;
      k++;
    }
    return -1;
  }
  for (const select of root.querySelectorAll<HTMLSelectElement>('select[id^=ahp-]')) {
    select.addEventListener('change', () => {
      state.ahp[ahpIndex(Number(select.dataset.i), Number(select.dataset.j))] = select.value;
      renderAhp();
      saveAddress();
    });
  }
  $(root, '[data-wb=ahp-apply]').addEventListener('click', () => {
    if (!ahpResult) return;
    ahpOrder.forEach((code, i) => {
      state.weights[code] = ahpResult!.weights[i];
    });
    syncControls();
    changed();
  });

  /* ---- export and import ---- */
  $(root, '[data-wb=export]').addEventListener('click', () => {
    if (!current) return;
    const doc = frameworkToJson(current.framework);
    const blob = new Blob([`${JSON.stringify(doc, null, 2)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = el('a', { href: url, download: `${doc.id}-workbench.json` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  const importInput = $(root, '#wb-import') as HTMLInputElement;
  const importResult = $(root, '[data-wb=import-result]');
  function showImportErrors(messages: string[]): void {
    const list = el('ul');
    for (const m of messages) list.append(el('li', {}, m));
    importResult.className = 'wb-import-errors';
    importResult.replaceChildren(el('p', {}, T.importErrors(messages.length)), list);
  }
  importInput.addEventListener('change', async () => {
    const file = importInput.files?.[0];
    if (!file) return;
    let input: unknown;
    try {
      input = JSON.parse(await file.text());
    } catch (error) {
      showImportErrors([T.notJson + (error as Error).message]);
      return;
    }
    let imported: Framework;
    try {
      imported = frameworkFromJson(input);
    } catch (error) {
      if (error instanceof ValidationError) showImportErrors(error.issues.map((i) => `${i.path}: ${i.message}`));
      else showImportErrors([(error as Error).message]);
      return;
    }
    const problems: string[] = [];
    for (const node of fw.nodes) {
      const other = imported.byCode.get(node.code);
      if (!other) problems.push(`${node.code}: ${lang === 'zh' ? '缺少这个节点' : 'missing'}`);
      else if (other.parent !== node.parent) problems.push(`${node.code}: parent ${String(other.parent)} ≠ ${String(node.parent)}`);
    }
    for (const node of imported.nodes) if (!fw.byCode.has(node.code)) problems.push(`${node.code}: ${lang === 'zh' ? '工作台没有这个节点' : 'not a node of the workbench’s framework'}`);
    const aggs = new Set(imported.nodes.flatMap((n) => (n.type === 'aggregate' ? [n.aggregation.method] : [])));
    for (const m of aggs) if (m !== 'arithmetic' && m !== 'geometric') problems.push(T.unsupportedAgg(m));
    if (problems.length) {
      showImportErrors([T.mismatch, ...problems]);
      return;
    }
    const minmax = imported.nodes.every((n) => n.type !== 'indicator' || n.normalisation.method === 'minMax');
    state = {
      ...state,
      weights: Object.fromEntries(weighted.map((c) => [c, imported.byCode.get(c)!.weight])),
      norm: minmax ? 'minmax' : 'goalposts',
      agg: aggs.has('geometric') ? 'geometric' : 'arithmetic',
    };
    importResult.className = 'wb-import-ok';
    importResult.replaceChildren(el('p', {}, T.importOk(file.name)));
    syncControls();
    changed();
  });

  /* ---- uncertainty and sensitivity ---- */
  const progress = $(root, '#wb-progress') as HTMLProgressElement;
  const progressText = $(root, '[data-wb=progress-text]');
  const uaStatus = $(root, '[data-wb=ua-status]');
  const uaOut = $(root, '[data-wb=ua-out]');
  const saOut = $(root, '[data-wb=sa-out]');
  const runUa = $(root, '[data-wb=ua-run]') as HTMLButtonElement;
  const runSa = $(root, '[data-wb=sa-run]') as HTMLButtonElement;
  const cancelButton = $(root, '[data-wb=cancel]') as HTMLButtonElement;
  const nSelect = $(root, '#wb-ua-n') as HTMLSelectElement;
  let running: { cancel: () => void } | null = null;

  function markStale(): void {
    uaBands = null;
    if (!uaOut.hidden || !saOut.hidden) uaStatus.textContent = T.stale;
  }
  function observationsFor(units: readonly string[]): Observation[] {
    return observations.filter((o) => units.includes(o.unit));
  }
  // The current normalisation ('framework': each indicator keeps its own) against one alternative.
  const normalisationAlternatives = (): SettingSpec => ({
    kind: 'normalisation',
    name: 'normalisation',
    alternatives: ['framework', state.norm === 'minmax' ? { method: 'minMax', lower: 1, upper: 100, scope: 'period' } : { method: 'minMax', lower: 1, upper: 100, scope: 'panel' }],
  });
  const aggregationAlternatives = () => ['arithmetic', 'geometric'].map((method) => ({ method: method as Agg, minAvailability: rootNode.aggregation.minAvailability }));
  function startJob(request: AnalysisRequest, onProgress: (done: number, total: number) => void): { result: Promise<AnalysisResult>; cancel: () => void } {
    const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
    let fail: ((e: Error) => void) | null = null;
    const failed = new Promise<never>((_, reject) => {
      fail = reject;
    });
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      fail?.(new Error(event.message || 'worker error'));
    };
    const job = startAnalysis(
      {
        postMessage: (m) => worker.postMessage(m),
        listen: (listener) => {
          worker.onmessage = (event: MessageEvent<AnalysisMessage>) => listener(event.data);
        },
        terminate: () => worker.terminate(),
      },
      request,
      onProgress,
    );
    return {
      result: Promise.race([job.result, failed]).finally(() => worker.terminate()),
      cancel: job.cancel,
    };
  }
  function setRunning(on: boolean): void {
    runUa.disabled = on;
    runSa.disabled = on;
    cancelButton.disabled = !on;
    root!.setAttribute('aria-busy', on ? 'true' : 'false');
  }
  async function runJobs(what: string, requests: AnalysisRequest[]): Promise<AnalysisResult[] | null> {
    const totals = requests.map((r) => (r.kind === 'uncertainty' ? r.n : r.n * (r.settings.length + 2)));
    const grand = totals.reduce((a, b) => a + b, 0);
    progress.max = grand;
    progress.value = 0;
    progressText.textContent = `0 / ${grand}`;
    uaStatus.textContent = T.running(what);
    setRunning(true);
    const started = performance.now();
    const results: AnalysisResult[] = [];
    let offset = 0;
    let cancelled = false;
    try {
      for (let i = 0; i < requests.length; i++) {
        const job = startJob(requests[i], (done) => {
          progress.value = offset + done;
          progressText.textContent = `${offset + done} / ${grand}`;
        });
        running = {
          cancel: () => {
            cancelled = true;
            job.cancel();
          },
        };
        results.push(await job.result);
        offset += totals[i];
      }
      progress.value = grand;
      progressText.textContent = `${grand} / ${grand}`;
      uaStatus.textContent = T.done(what, (performance.now() - started) / 1000);
      return results;
    } catch (error) {
      progress.value = 0;
      progressText.textContent = '';
      uaStatus.textContent = cancelled ? T.cancelled : T.failed + (error as Error).message;
      return null;
    } finally {
      running = null;
      setRunning(false);
    }
  }
  cancelButton.addEventListener('click', () => running?.cancel());

  runUa.addEventListener('click', async () => {
    if (!current) return;
    const n = Number(nSelect.value) || 200;
    const framework = frameworkToJson(current.framework);
    const settings: SettingSpec[] = [
      { kind: 'noisyWeights', name: 'weights', noise: 0.25, levels: [1, 2], samples: n, seed: 1 },
      { kind: 'aggregation', name: 'aggregation', alternatives: aggregationAlternatives() },
      normalisationAlternatives(),
    ];
    const base = { kind: 'uncertainty' as const, framework, settings, n, seed: 1 };
    // Two runs with the same seed (so the same draws): the city alone (its band), and the districts (ranks among themselves).
    const results = await runJobs(T.ua, [
      { ...base, observations: observationsFor([city]) },
      { ...base, observations: observationsFor(districts.map((r) => r.code)) },
    ]);
    if (!results) return;
    const [cityResult, districtResult] = results;
    if (cityResult.kind !== 'uncertainty' || districtResult.kind !== 'uncertainty') return;
    const bandOfUnit = (units: typeof cityResult.result.units, unit: string) => {
      const by = new Map(units.filter((u) => u.unit === unit).map((u) => [u.period, u]));
      return { lower: months.map((p) => by.get(p)?.lower ?? Number.NaN), upper: months.map((p) => by.get(p)?.upper ?? Number.NaN) };
    };
    uaBands = { city: bandOfUnit(cityResult.result.units, city) };
    const latestRows = districtResult.result.units.filter((u) => u.period === month);
    const rows = districts
      .map((r) => ({ r, u: latestRows.find((u) => u.unit === r.code)! }))
      .filter((x) => x.u)
      .sort((a, b) => a.u.rank.nominal - b.u.rank.nominal);
    $(root!, '[data-wb=rank-dist]').replaceChildren(
      ...rows.map(({ r, u }) => {
        const tr = el('tr');
        tr.append(
          el('th', { scope: 'row' }, r.name[lang]),
          el('td', { class: 'num' }, String(u.rank.nominal)),
          el('td', { class: 'num' }, String(u.rank.median)),
          el('td', { class: 'num' }, `${u.rank.lower} – ${u.rank.upper}`),
          el('td', { class: 'num' }, `${fmt(u.lower)} – ${fmt(u.upper)}`),
        );
        return tr;
      }),
    );
    const chart = $(root!, '[data-wb=rank-chart]');
    const scroll = el('div', { class: 'chart-scroll wb-small-chart' });
    scroll.append(rankSvg(rows.map(({ r, u }) => ({ label: r.name[lang], nominal: u.rank.nominal, median: u.rank.median, lower: u.rank.lower, upper: u.rank.upper })), districts.length, T.rankTitle));
    chart.replaceChildren(scroll);
    uaOut.hidden = false;
    renderTrend();
  });

  runSa.addEventListener('click', async () => {
    if (!current) return;
    const framework = frameworkToJson(current.framework);
    const settings: SettingSpec[] = [
      { kind: 'noisyWeights', name: 'first-level weights', noise: 0.25, levels: [2], samples: 100, seed: 2 },
      { kind: 'noisyWeights', name: 'second-level weights', noise: 0.25, levels: [1], samples: 100, seed: 3 },
      { kind: 'aggregation', name: 'aggregation', alternatives: aggregationAlternatives() },
      normalisationAlternatives(),
    ];
    const results = await runJobs(T.sa, [
      { kind: 'sensitivity', framework, settings, n: 64, bootstrap: 50, seed: 1, observations: observationsFor(districts.map((r) => r.code)) },
    ]);
    if (!results) return;
    const [sa] = results;
    if (sa.kind !== 'sensitivity') return;
    const rows = sa.result.indices.map((s, i) => ({ label: T.settingNames[i] ?? sa.settings[i], ...s }));
    const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');
    $(root!, '[data-wb=sobol]').replaceChildren(
      ...rows.map((r) => {
        const tr = el('tr');
        tr.append(
          el('th', { scope: 'row' }, r.label),
          el('td', { class: 'num' }, `${f3(r.first)} (${f3(r.firstInterval[0])} – ${f3(r.firstInterval[1])})`),
          el('td', { class: 'num' }, `${f3(r.total)} (${f3(r.totalInterval[0])} – ${f3(r.totalInterval[1])})`),
        );
        return tr;
      }),
    );
    const chart = $(root!, '[data-wb=sobol-chart]');
    const scroll = el('div', { class: 'chart-scroll wb-small-chart' });
    scroll.append(sobolSvg(rows, T.sobolTitle));
    chart.replaceChildren(scroll);
    saOut.hidden = false;
  });

  /* ---- start ---- */
  syncControls();
  recompute();
  saveAddress();
  status.textContent = T.ready(data.periods.length, data.units.length);
  root.dataset.ready = 'true';
}
