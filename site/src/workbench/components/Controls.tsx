/** Weights (slider and number for each node), the methods, reset, export, copy link and import. */
import { useEffect, useState } from 'preact/hooks';
import type { AggregateNode, IndicatorNode } from '@pingan/core';
import type { ImportOutcome, ImportRequest } from '../importFramework.ts';
import { encodeAddress } from '../model/address.ts';
import { exportFileName, tunedDocument } from '../model/provenance.ts';
import { MAX_WEIGHT, MIN_WEIGHT, SLIDER_MAX, SLIDER_MIN, SLIDER_STEP, parseWeight, roundWeight, stepWeight, weightAtSlider, type WeightProblem } from '../model/state.ts';
import { Readout } from './Readout.tsx';
import type { PanelProps } from './Workbench.tsx';

export function Controls(p: PanelProps) {
  const { store, t, lang } = p;
  const fw = store.framework;
  const root = fw.byCode.get(fw.root) as AggregateNode;
  const groups = root.children.map((c) => fw.byCode.get(c)!).filter((n): n is AggregateNode => n.type === 'aggregate');
  const state = store.state.value;
  const ready = store.current.value !== null;
  // Read here so that a refused choice redraws the radios back to the settings in force.
  const refused = store.refused.value;
  const describedBy = refused ? 'wb-refused' : undefined;
  return (
    <section class="wb-controls" aria-labelledby="wb-controls-h">
      <Readout {...p} />
      <h2 id="wb-controls-h">{t.controls}</h2>
      <p class="small">{t.controlsHelp}</p>
      <fieldset class="wb-weights" data-group={fw.root}>
        <legend>
          {t.firstLevel}
          {state.ahpApplied ? t.fromAhp : ''}
        </legend>
        {root.children.map((code) => (
          <WeightInput key={code} {...p} code={code} disabled={!ready} />
        ))}
      </fieldset>
      {groups.map((g) => (
        <fieldset class="wb-weights" data-group={g.code} key={g.code}>
          <legend>{t.secondLevel(g.name[lang])}</legend>
          {g.children.map((code) => (
            <WeightInput key={code} {...p} code={code} disabled={!ready} />
          ))}
        </fieldset>
      ))}
      <fieldset class="wb-choice" aria-describedby={describedBy}>
        <legend>{t.normalisation}</legend>
        {(
          [
            ['framework', t.normFramework],
            ['minmax', t.normMinmax],
          ] as const
        ).map(([value, label]) => (
          <label key={value}>
            <input type="radio" name="wb-norm" value={value} checked={state.normalisation === value} disabled={!ready} onChange={() => store.update({ normalisation: value })} /> {label}
          </label>
        ))}
      </fieldset>
      <fieldset class="wb-choice" aria-describedby={describedBy}>
        <legend>{t.aggregation}</legend>
        {(
          [
            ['arithmetic', t.aggArithmetic],
            ['geometric', t.aggGeometric],
          ] as const
        ).map(([value, label]) => (
          <label key={value}>
            <input type="radio" name="wb-agg" value={value} checked={state.aggregation === value} disabled={!ready} onChange={() => store.update({ aggregation: value })} /> {label}
          </label>
        ))}
      </fieldset>
      {refused ? (
        <p class="wb-invalid" id="wb-refused" role="alert" data-testid="workbench-refused">
          {t.geometricZero + t.keptPrevious + t.where + refused.detail}
        </p>
      ) : null}
      <Buttons {...p} ready={ready} />
      <Import {...p} ready={ready} />
    </section>
  );
}

function WeightInput({ store, t, code, disabled, lang }: PanelProps & { code: string; disabled: boolean }) {
  const node = store.framework.byCode.get(code) as AggregateNode | IndicatorNode;
  const state = store.state.value;
  const inForce = store.inForce.value[code];
  const shown = String(roundWeight(inForce) ?? inForce);
  const [text, setText] = useState(shown);
  // Why the text in the box is refused; the index meanwhile keeps the weight in force, and the message says so.
  const [problem, setProblem] = useState<WeightProblem | null>(null);
  // Follow changes made elsewhere (reset, AHP, import, the slider), not while the number is being typed.
  useEffect(() => {
    const typed = parseWeight(text);
    if (!typed.ok || typed.weight !== roundWeight(inForce)) {
      setText(shown);
      setProblem(null);
    }
  }, [shown]);
  const firstLevel = store.ctx.ahpOrder.includes(code);
  const set = (x: number) => {
    const weights = firstLevel && state.ahpApplied ? { ...weightsRounded(store), [code]: x } : { ...state.weights, [code]: x };
    store.update({ weights, ...(firstLevel ? { ahpApplied: false } : {}) });
  };
  /** A weight from the slider or the arrow keys: the box shows it, and it is used. */
  const take = (x: number) => {
    setText(String(x));
    setProblem(null);
    if (x !== inForce) set(x);
  };
  const fromText = (raw: string, commit: boolean) => {
    setText(raw);
    const typed = parseWeight(raw);
    setProblem(typed.ok ? null : typed.problem);
    if (!typed.ok) return;
    if (commit) setText(String(typed.weight));
    if (typed.weight !== inForce) set(typed.weight);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && problem) {
      e.preventDefault();
      take(roundWeight(inForce) ?? inForce);
      return;
    }
    const dir = e.key === 'ArrowUp' || e.key === 'PageUp' ? 1 : e.key === 'ArrowDown' || e.key === 'PageDown' ? -1 : 0;
    if (!dir) return;
    e.preventDefault();
    const typed = parseWeight(text);
    take(stepWeight(typed.ok ? typed.weight : (roundWeight(inForce) ?? inForce), dir, e.key.startsWith('Page') ? 10 : 1));
  };
  return (
    <div class="wb-weight">
      <span class="wb-wname" id={`wl-${code}`}>
        {node.name[lang]}
      </span>
      <input
        type="range"
        id={`wr-${code}`}
        min={String(SLIDER_MIN)}
        max={String(SLIDER_MAX)}
        step={String(SLIDER_STEP)}
        value={String(Math.log10(inForce))}
        aria-labelledby={`wl-${code}`}
        aria-valuetext={shown}
        disabled={disabled}
        onInput={(e) => {
          const x = weightAtSlider(Number((e.currentTarget as HTMLInputElement).value), inForce);
          if (x !== null) take(x);
        }}
      />
      <input
        type="text"
        class="wb-wnum"
        id={`w-${code}`}
        inputMode="decimal"
        autoComplete="off"
        spellcheck={false}
        value={text}
        aria-labelledby={`wl-${code}`}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={problem ? `we-${code}` : undefined}
        disabled={disabled}
        onInput={(e) => fromText((e.currentTarget as HTMLInputElement).value, false)}
        onChange={(e) => fromText((e.currentTarget as HTMLInputElement).value, true)}
        onKeyDown={onKey}
      />
      {problem ? (
        <span class="wb-invalid" id={`we-${code}`}>
          {`${problem.kind === 'comma' ? t.weightComma(problem.suggestion) : t.weightRange(MIN_WEIGHT, MAX_WEIGHT)}${t.weightInUse(shown)}`}
        </span>
      ) : null}
    </div>
  );
}

/**
 * The hand-set weights with the first level's AHP weights made hand-set ones,
 * rounded to the address's precision. Only the first level: the other weights
 * stay as they are (a framework's own AHP weights at a lower level keep every
 * digit, so the index does not move when only a first-level weight is set).
 */
function weightsRounded(store: PanelProps['store']): Record<string, number> {
  const inForce = store.inForce.value;
  const weights = { ...store.state.value.weights };
  for (const code of store.ctx.ahpOrder) weights[code] = roundWeight(inForce[code]) ?? inForce[code];
  return weights;
}

function Buttons({ store, t, ready }: PanelProps & { ready: boolean }) {
  const [copy, setCopy] = useState<{ ok: boolean; url: string } | null>(null);
  // Inconsistent AHP judgements in use go into the export with "allowInconsistent": true (provenance.ts): said here, by the button.
  const cr = store.ahp.value.consistencyRatio;
  const inconsistent = store.state.value.ahpApplied && cr >= 0.1;
  const exportFile = () => {
    const address = `${location.origin}${location.pathname}${encodeAddress(store.ctx, store.state.value)}`;
    const doc = tunedDocument(store.ctx, store.state.value, { sha256: store.shell.frameworkSha256, address });
    const blob = new Blob([`${JSON.stringify(doc, null, 2)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName(store.ctx, doc);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const copyLink = async () => {
    const url = `${location.origin}${location.pathname}${encodeAddress(store.ctx, store.state.value)}`;
    try {
      await navigator.clipboard.writeText(url);
      setCopy({ ok: true, url });
    } catch {
      setCopy({ ok: false, url });
    }
  };
  return (
    <>
      <div class="wb-buttons">
        <button type="button" data-wb="reset" disabled={!ready} onClick={() => store.update({ ...store.official, month: store.state.value.month, compare: store.state.value.compare })}>
          {t.reset}
        </button>
        <button type="button" data-wb="copy-link" disabled={!ready} onClick={copyLink}>
          {t.copyLink}
        </button>
        <button type="button" data-wb="export" disabled={!ready} onClick={exportFile}>
          {t.exportJson}
        </button>
      </div>
      <p class="small" role="status" data-testid="copy-status">
        {copy ? (copy.ok ? t.copied : t.copyFailed) : ''}
        {copy && !copy.ok ? <input class="wb-link" type="text" readOnly value={copy.url} aria-label={t.copyLink} /> : null}
      </p>
      {inconsistent ? (
        <p class="wb-warning wb-warning-note" data-testid="export-inconsistent">
          {t.exportInconsistent(cr.toFixed(3))}
        </p>
      ) : null}
      <p class="small">{t.exportHelp}</p>
    </>
  );
}

function Import({ store, t, lang, ready }: PanelProps & { ready: boolean }) {
  const [result, setResult] = useState<{ ok: true; text: string } | { ok: false; title: string; lines: string[] } | null>(null);
  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    // The schema (zod) runs in a worker loaded only now, when a file is imported.
    const request: ImportRequest = { official: store.shell.framework, text: await file.text(), lang };
    const outcome = await new Promise<ImportOutcome>((resolve) => {
      const worker = new Worker(new URL('../../scripts/import.worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (event: MessageEvent<ImportOutcome>) => {
        worker.terminate();
        resolve(event.data);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        worker.terminate();
        resolve({ ok: false, problems: [event.message || t.importWorkerFailed] });
      };
      worker.postMessage(request);
    });
    if (outcome.ok) {
      const applied = store.update({ ...outcome.state, month: store.state.value.month, compare: store.state.value.compare });
      const refused = store.refused.value;
      if (applied || !refused) setResult({ ok: true, text: t.importOk(file.name) });
      else setResult({ ok: false, title: t.importErrors(1), lines: [t.geometricZero + t.where + refused.detail] });
    } else setResult({ ok: false, title: t.importErrors(outcome.problems.length), lines: outcome.problems });
  };
  return (
    <div class="wb-import">
      <label for="wb-import">{t.importLabel}</label>
      <input type="file" id="wb-import" accept="application/json,.json" disabled={!ready} onChange={(e) => onFile(e.currentTarget as HTMLInputElement)} />
      <div data-wb="import-result" role="alert" class={result ? (result.ok ? 'wb-import-ok' : 'wb-import-errors') : ''}>
        {result?.ok ? <p>{result.text}</p> : null}
        {result && !result.ok ? (
          <>
            <p>{result.title}</p>
            <ul>
              {result.lines.map((l, i) => (
                <li key={i}>{l}</li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </div>
  );
}
