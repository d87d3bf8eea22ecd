import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { fetchChord } from '../../api/theory.js';
import { ErrorPanel } from '../../components/error-panel.js';
import { IntervalTable, NoteList } from './interval-table.js';
import { MusicResult } from './music-result.js';

/** A chord symbol in, its spelled notes, intervals and quality out, shown and playable. */
export function ChordPanel() {
  const inputId = useId();
  const [draft, setDraft] = useState('Cmaj7');
  const [symbol, setSymbol] = useState<string | undefined>();
  const chord = useQuery({
    queryKey: ['theory', 'chord', symbol],
    queryFn: () => fetchChord(symbol ?? ''),
    enabled: symbol !== undefined,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim()) setSymbol(draft.trim());
  };

  return (
    <section className="panel" aria-labelledby="chord-heading">
      <h2 id="chord-heading">Chord</h2>
      <form className="inline-form" onSubmit={submit}>
        <label htmlFor={inputId}>Chord symbol</label>
        <input
          id={inputId}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          placeholder="e.g. Cmaj7, F#m7b5, G7(b9)/B"
          autoComplete="off"
          spellCheck={false}
          required
        />
        <button type="submit">Spell chord</button>
      </form>
      {chord.isFetching && <p className="muted">Spelling…</p>}
      {chord.isError && <ErrorPanel title="That chord could not be spelled." error={chord.error} />}
      {chord.data && (
        <div className="result" aria-live="polite">
          <h3>
            {chord.data.symbol} <span className="muted">· {chord.data.quality}</span>
          </h3>
          <NoteList label={`Notes of ${chord.data.symbol}`} notes={chord.data.notes} />
          {chord.data.bass !== chord.data.root && (
            <p>
              Bass: {chord.data.bass}; from the bass up: {chord.data.voicingFromBass.join(' ')}
            </p>
          )}
          <IntervalTable
            caption={`Intervals above ${chord.data.root}`}
            notes={chord.data.notes}
            intervals={chord.data.intervals}
          />
          <MusicResult
            query={{ kind: 'chord', symbol: symbol ?? chord.data.symbol }}
            label={chord.data.symbol}
          />
        </div>
      )}
    </section>
  );
}
