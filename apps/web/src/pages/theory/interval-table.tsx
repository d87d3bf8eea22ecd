import type { IntervalInfo } from '../../api/theory.js';

/** Notes beside their interval above the root or tonic. */
export function IntervalTable({
  caption,
  notes,
  intervals,
}: {
  readonly caption: string;
  readonly notes: readonly string[];
  readonly intervals: readonly IntervalInfo[];
}) {
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Note</th>
          <th scope="col">Interval</th>
          <th scope="col">Semitones</th>
        </tr>
      </thead>
      <tbody>
        {intervals.map((interval, i) => (
          <tr key={`${interval.name}-${i}`}>
            <td>{notes[i] ?? ''}</td>
            <td>
              <abbr title={interval.longName}>{interval.name}</abbr>{' '}
              <span className="muted">{interval.longName}</span>
            </td>
            <td>{interval.semitones}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Spelled note names as a list a screen reader reads one by one. */
export function NoteList({ label, notes }: { readonly label: string; readonly notes: readonly string[] }) {
  return (
    <ul className="note-list" aria-label={label}>
      {notes.map((note, i) => (
        <li key={`${note}-${i}`}>{note}</li>
      ))}
    </ul>
  );
}
