/** Weights (slider and number for each node), the methods, reset, export, copy link and import. */
import { useEffect, useState } from 'preact/hooks';
import type { AggregateNode, IndicatorNode } from '@pingan/core';
import type { ImportOutcome, ImportRequest } from '../importFramework.ts';
import { encodeAddress } from '../model/address.ts';
import { tunedDocument } from '../model/provenance.ts';
import { MAX_WEIGHT, MIN_WEIGHT, roundWeight } from '../model/state.ts';
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
  const [invalid, setInvalid] = useState(false);
  // Follow changes made elsewhere (reset, AHP, import, the slider), not while the number is being typed.
  useEffect(() => {
    if (roundWeight(Number(text)) !== roundWeight(inForce)) setText(shown);
  }, [shown]);
  const firstLevel = store.ctx.ahpOrder.includes(code);
  const set = (x: number) => {
    const weights = firstLevel && state.ahpApplied ? { ...weightsRounded(store), [code]: x } : { ...state.weights, [code]: x };
    store.update({ weights, ...(firstLevel ? { ahpApplied: false } : {}) });
  };
  const fromNumber = (raw: string, commit: boolean) => {
    setText(raw);
    const w = raw.trim() === '' ? null : roundWeight(Number(raw));
    setInvalid(w === null);
    if (w === null) return;
    if (commit) setText(String(w));
    if (w !== inForce) set(w);
  };
  return (
    <div class="wb-weight">
      <span class="wb-wname" id={`wl-${code}`}>
        {node.name[lang]}
      </span>
      <input
        type="range"
        id={`wr-${code}`}
        min="0.01"
        max="1"
        step="0.01"
        value={String(Math.min(1, Math.max(0.01, Number(inForce.toFixed(2)))))}
        aria-labelledby={`wl-${code}`}
        disabled={disabled}
        onInput={(e) => {
          const x = roundWeight(Number((e.currentTarget as HTMLInputElement).value));
          if (x !== null && x !== inForce) {
            setInvalid(false);
            set(x);
          }
        }}
      />
      <input
        type="number"
        id={`w-${code}`}
        min={String(MIN_WEIGHT)}
        max={String(MAX_WEIGHT)}
        step="any"
        inputMode="decimal"
        value={text}
        aria-labelledby={`wl-${code}`}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={invalid ? `we-${code}` : undefined}
        disabled={disabled}
        onInput={(e) => fromNumber((e.currentTarget as HTMLInputElement).value, false)}
        onChange={(e) => fromNumber((e.currentTarget as HTMLInputElement).value, true)}
      />
      {invalid ? (
        <span class="wb-invalid" id={`we-${code}`}>
          {t.invalidWeight(MIN_WEIGHT, MAX_WEIGHT)}
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
  const exportFile = () => {
    const address = `${location.origin}${location.pathname}${encodeAddress(store.ctx, store.state.value)}`;
    const doc = tunedDocument(store.ctx, store.state.value, { sha256: store.shell.frameworkSha256, address });
    const blob = new Blob([`${JSON.stringify(doc, null, 2)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${doc.id}-${doc.version}.json`;
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
        resolve({ ok: false, problems: [event.message || 'the import worker failed'] });
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
