/** The AHP helper: pairwise judgements over the first level, live weights, λmax and CR, and applying them. */
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
                  const id = `ahp-${i}-${j}`;
                  return (
                    <td key={col}>
                      <select id={id} aria-label={`${name(row)} : ${name(col)}`} value={state.ahp[pairIndex(n, i, j)]} disabled={!ready} onChange={(e) => setJudgement(i, j, (e.currentTarget as HTMLSelectElement).value)}>
                        {SAATY.map((o) => (
                          <option key={o} value={o}>
                            {o}
                          </option>
                        ))}
                      </select>
                    </td>
                  );
                })}
                <td class="num" data-ahp-w={row}>
                  {ahp.weights[i].toFixed(3)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        {t.lambda} = <span data-wb="lambda">{ahp.lambdaMax.toFixed(3)}</span> · {t.cr} = <span data-wb="cr">{cr}</span>
      </p>
      <p class={bad ? 'wb-warning wb-warning-bad' : 'wb-warning wb-warning-ok'} data-wb="cr-warning">
        {bad ? `⚠ ${t.crWarn(cr)}` : `✓ ${t.crOk(cr)}`}
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
