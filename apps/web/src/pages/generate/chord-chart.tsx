import { Fragment } from 'react';
import type { ChordInfo, GenerationMetadata } from '../../api/generate.js';

/** "3", or "3, beat 2.5" for a chord that starts inside the bar. */
function position(chord: ChordInfo): string {
  return chord.beat === 1 ? String(chord.bar) : `${chord.bar}, beat ${chord.beat}`;
}

/** "4 beats", "1 beat", "1.5 beats". */
function length(beats: number): string {
  return `${beats} ${beats === 1 ? 'beat' : 'beats'}`;
}

/**
 * The chord chart, bar by bar: symbol, roman numeral, spelled notes and the comment that says why the
 * chord is there, with a heading row where each section (A, Bridge, Ending…) begins.
 */
export function ChordChart({
  chords,
  sections,
  keyName,
}: {
  readonly chords: readonly ChordInfo[];
  readonly sections: GenerationMetadata['sections'];
  readonly keyName: string;
}) {
  const sectionAt = new Map<number, string>();
  // A section starting inside a chord is shown before the next chord that starts at or after it.
  for (const section of sections) {
    const first = chords.find((chord) => chord.bar >= section.bar);
    if (first && !sectionAt.has(chords.indexOf(first))) sectionAt.set(chords.indexOf(first), section.label);
  }
  return (
    <div className="chord-chart">
      <table className="data-table chord-table">
        <caption className="visually-hidden">Chord chart in {keyName}, bar by bar</caption>
        <thead>
          <tr>
            <th scope="col">Bar</th>
            <th scope="col">Chord</th>
            <th scope="col">Numeral</th>
            <th scope="col">Notes</th>
            <th scope="col">Why it is here</th>
          </tr>
        </thead>
        <tbody>
          {chords.map((chord, i) => {
            const section = sectionAt.get(i);
            return (
              <Fragment key={`${chord.bar}-${chord.beat}-${i}`}>
                {section !== undefined && (
                  <tr className="chord-table__section">
                    <th scope="rowgroup" colSpan={5}>
                      {section}
                    </th>
                  </tr>
                )}
                <tr>
                  <td data-label="Bar">
                    {position(chord)} <span className="muted">· {length(chord.duration_beats)}</span>
                  </td>
                  <th scope="row" data-label="Chord" className="chord-table__symbol">
                    {chord.chord_symbol}
                  </th>
                  <td data-label="Numeral" className="numeral">
                    {chord.harmonic_function}
                  </td>
                  <td data-label="Notes">{chord.notes.join(' ')}</td>
                  <td data-label="Why" className="chord-table__comment">
                    {chord.comments ?? ''}
                  </td>
                </tr>
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
