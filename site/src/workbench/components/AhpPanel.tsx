/**
 * The AHP helper: pairwise judgements over the first level, live weights, λmax and CR, and applying
 * them. The judgements are a matrix on a wider screen and a list of pairs on a phone (a matrix needs
 * a column per group, more than a 360 px screen holds); both are rendered, and the style sheet
 * shows one, so that a page without JavaScript and a resized window show the right one.
 */
import { SAATY, pairIndex, reciprocal } from '../model/ahp.ts';
import { HowTo } from './Results.tsx';
import type { PanelProps } from './Workbench.tsx';

export function AhpPanel({ store, t, lang }: PanelProps) {
  const ctx = store.ctx;
  const state = store.state.value;
  const order = ctx.ahpOrder;
  const n = order.length;
  const name = (code: string) => store.framework.byCode.get(code)?.name[lang] ?? code;
  const ahp = store.ahp.value;
  const cr = ahp.consistencyRatio.toFixed(3);
  const bad = ahp.consistencyRatio >= 0.1;
  const ready = store.current.value !== null;
  const setJudgement = (i: number, j: number, value: string) => {
    const next = [...state.ahp];
    next[pairIndex(n, i, j)] = value;
    store.update({ ahp: next });
  };
  /** A judgement's choices on Saaty's scale. */
  const choice = (id: string, label: string, i: number, j: number) => (
    <select id={id} aria-label={label} value={state.ahp[pairIndex(n, i, j)]} disabled={!ready} onChange={(e) => setJudgement(i, j, (e.currentTarget as HTMLSelectElement).value)}>
      {SAATY.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  );
  const pairs = order.flatMap((_, i) => order.map((_, j) => [i, j] as const).filter(([, j]) => j > i));
  return (
    <section class="wb-ahp" aria-labelledby="wb-ahp-h">
      <h2 id="wb-ahp-h">{t.ahp}</h2>
      <p class="small">{t.ahpHelp}</p>
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="wb-ahp-cap">
        <table class="wb-ahp-grid">
          <caption id="wb-ahp-cap">{t.ahpCaption}</caption>
          <thead>
            <tr>
              <td></td>
              {order.map((c) => (
                <th scope="col" key={c}>
                  {name(c)}
                </th>
              ))}
              <th scope="col" class="num">
                {t.ahpWeight}
              </th>
            </tr>
          </thead>
          <tbody>
            {order.map((row, i) => (
              <tr key={row}>
                <th scope="row">{name(row)}</th>
                {order.map((col, j) => {
                  if (i === j) return <td key={col} class="num">1</td>;
                  if (j < i) {
                    return (
                      <td key={col} class="num wb-recip" data-recip={`${j}-${i}`}>
                        {reciprocal(state.ahp[pairIndex(n, j, i)])}
                      </td>
                    );
                  }
                  return <td key={col}>{choice(`ahp-${i}-${j}`, `${name(row)} : ${name(col)}`, i, j)}</td>;
                })}
                <td class="num" data-ahp-w={row}>
                  {ahp.weights[i].toFixed(3)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="wb-ahp-pairs">
        <p class="wb-ahp-pairs-title" id="wb-ahp-pairs-h">
          {t.ahpPairs}
        </p>
        <ol aria-labelledby="wb-ahp-pairs-h">
          {pairs.map(([i, j]) => (
            <li key={`${i}-${j}`}>
              <label for={`ahp-pair-${i}-${j}`}>{t.ahpPair(name(order[i]), name(order[j]))}</label>
              {choice(`ahp-pair-${i}-${j}`, t.ahpPair(name(order[i]), name(order[j])), i, j)}
            </li>
          ))}
        </ol>
        <p class="wb-ahp-pairs-title" id="wb-ahp-pairs-w">
          {t.ahpWeight}
        </p>
        <ul aria-labelledby="wb-ahp-pairs-w">
          {order.map((code, i) => (
            <li key={code}>
              <span>{name(code)}</span> <span class="num" data-ahp-pair-w={code}>
                {ahp.weights[i].toFixed(3)}
              </span>
            </li>
          ))}
        </ul>
      </div>
      <p>
        {t.lambda} = <span data-wb="lambda">{ahp.lambdaMax.toFixed(3)}</span> · {t.cr} = <span data-wb="cr">{cr}</span>
      </p>
      <p class={bad ? 'wb-warning wb-warning-bad' : 'wb-warning wb-warning-ok'} data-wb="cr-warning">
        {bad ? `⚠ ${state.ahpApplied ? t.crWarnUsed(cr) : t.crWarnUnused(cr)}` : `✓ ${t.crOk(cr)}`}
      </p>
      <div class="wb-buttons">
        <button type="button" data-wb="ahp-apply" disabled={!ready} onClick={() => store.update({ ahpApplied: true })}>
          {t.ahpApply}
        </button>
      </div>
      <p class="small" data-testid="ahp-applied">
        {state.ahpApplied ? t.ahpApplied : t.ahpNotApplied}
      </p>
      <HowTo t={t} text={t.howAhp} />
    </section>
  );
}
