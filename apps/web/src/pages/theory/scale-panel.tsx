import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { fetchScale, fetchScales, type ScaleInfo } from '../../api/theory.js';
import { ErrorPanel } from '../../components/error-panel.js';
import { IntervalTable, NoteList } from './interval-table.js';
import { MusicResult } from './music-result.js';

/** Tonics offered in the picker: every natural, sharp and flat name a key signature uses. */
const TONICS = ['C', 'C#', 'Db', 'D', 'Eb', 'E', 'F', 'F#', 'Gb', 'G', 'Ab', 'A', 'Bb', 'B', 'Cb'];

/** The scales grouped by category, in the server's order. */
function byCategory(scales: readonly ScaleInfo[]): [string, ScaleInfo[]][] {
  const groups = new Map<string, ScaleInfo[]>();
  for (const scale of scales) groups.set(scale.category, [...(groups.get(scale.category) ?? []), scale]);
  return [...groups];
}

/** A tonic and one of the 32 scales in, the spelled scale out, shown and playable. */
export function ScalePanel() {
  const tonicId = useId();
  const scaleId = useId();
  const scales = useQuery({ queryKey: ['theory', 'scales'], queryFn: fetchScales, staleTime: Infinity });
  const [tonic, setTonic] = useState('C');
  const [name, setName] = useState('');
  const [asked, setAsked] = useState<{ tonic: string; name: string } | undefined>();
  const chosenName = name || scales.data?.[0]?.id || '';
  const scale = useQuery({
    queryKey: ['theory', 'scale', asked],
    queryFn: () => fetchScale(asked?.tonic ?? '', asked?.name ?? ''),
    enabled: asked !== undefined,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosenName) setAsked({ tonic, name: chosenName });
  };

  return (
    <section className="panel" aria-labelledby="scale-heading">
      <h2 id="scale-heading">Scale</h2>
      {scales.isError && (
        <ErrorPanel
          title="The list of scales is not available."
          error={scales.error}
          onRetry={() => void scales.refetch()}
        />
      )}
      <form className="inline-form" onSubmit={submit}>
        <label htmlFor={tonicId}>Tonic</label>
        <select id={tonicId} value={tonic} onChange={(event) => setTonic(event.target.value)}>
          {TONICS.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
        <label htmlFor={scaleId}>Scale</label>
        <select
          id={scaleId}
          value={chosenName}
          onChange={(event) => setName(event.target.value)}
          disabled={!scales.data}
        >
          {byCategory(scales.data ?? []).map(([category, list]) => (
            <optgroup key={category} label={category}>
              {list.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <button type="submit" disabled={!chosenName}>
          Spell scale
        </button>
      </form>
      {scales.data && <p className="muted">{scales.data.length} scales available.</p>}
      {scale.isFetching && <p className="muted">Spelling…</p>}
      {scale.isError && <ErrorPanel title="That scale could not be spelled." error={scale.error} />}
      {scale.data && asked && (
        <div className="result" aria-live="polite">
          <h3>
            {scale.data.tonic} {scale.data.scale.name}{' '}
            <span className="muted">· {scale.data.scale.category}</span>
          </h3>
          {scale.data.scale.description && <p>{scale.data.scale.description}</p>}
          <NoteList
            label={`Notes of ${scale.data.tonic} ${scale.data.scale.name}`}
            notes={scale.data.notes}
          />
          <IntervalTable
            caption={`Intervals above ${scale.data.tonic}`}
            notes={scale.data.notes}
            intervals={scale.data.intervals}
          />
          <MusicResult
            query={{ kind: 'scale', tonic: asked.tonic, name: asked.name }}
            label={`${scale.data.tonic} ${scale.data.scale.name}`}
          />
        </div>
      )}
    </section>
  );
}
