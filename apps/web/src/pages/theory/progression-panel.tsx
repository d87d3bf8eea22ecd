import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { fetchAnalysis } from '../../api/theory.js';
import { ErrorPanel } from '../../components/error-panel.js';
import { MusicResult } from './music-result.js';

/** A key and chord symbols in, a roman-numeral analysis out, shown and playable. */
export function ProgressionPanel() {
  const keyId = useId();
  const chordsId = useId();
  const hintId = useId();
  const [key, setKey] = useState('C');
  const [chords, setChords] = useState('Dm7 G7 Cmaj7');
  const [asked, setAsked] = useState<{ key: string; chords: string } | undefined>();
  const analysis = useQuery({
    queryKey: ['theory', 'analyze', asked],
    queryFn: () => fetchAnalysis(asked?.key ?? '', asked?.chords ?? ''),
    enabled: asked !== undefined,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (key.trim() && chords.trim()) setAsked({ key: key.trim(), chords: chords.trim() });
  };

  return (
    <section className="panel" aria-labelledby="progression-heading">
      <h2 id="progression-heading">Progression</h2>
      <form className="inline-form" onSubmit={submit}>
        <label htmlFor={keyId}>Key</label>
        <input
          id={keyId}
          className="input-short"
          value={key}
          onChange={(event) => setKey(event.target.value)}
          placeholder="C, F# minor, D dorian"
          required
        />
        <label htmlFor={chordsId}>Chords</label>
        <input
          id={chordsId}
          className="input-wide"
          value={chords}
          onChange={(event) => setChords(event.target.value)}
          aria-describedby={hintId}
          spellCheck={false}
          required
        />
        <button type="submit">Analyse</button>
      </form>
      <p id={hintId} className="muted">
        Chord symbols separated by spaces or bar lines, e.g. <code>| Dm7 G7 | Cmaj7 |</code>
      </p>
      {analysis.isFetching && <p className="muted">Analysing…</p>}
      {analysis.isError && (
        <ErrorPanel title="That progression could not be analysed." error={analysis.error} />
      )}
      {analysis.data && asked && (
        <div className="result" aria-live="polite">
          <div className="table-scroll">
            <table className="data-table">
              <caption>Roman numerals in {analysis.data.key}</caption>
              <thead>
                <tr>
                  <th scope="col">Chord</th>
                  <th scope="col">Numeral</th>
                  <th scope="col">Function</th>
                  <th scope="col">Notes</th>
                </tr>
              </thead>
              <tbody>
                {analysis.data.chords.map((chord, i) => (
                  <tr key={`${chord.symbol}-${i}`}>
                    <th scope="row">{chord.symbol}</th>
                    <td className="numeral" title={chord.description}>
                      {chord.numeral}
                    </td>
                    <td>{chord.function}</td>
                    <td>{chord.notes.join(' ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <MusicResult
            query={{ kind: 'analyze', ...asked }}
            label={`${asked.chords} in ${analysis.data.key}`}
          />
        </div>
      )}
    </section>
  );
}
