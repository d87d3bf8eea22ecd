import type { ExerciseFingering } from '../../api/exercises.js';

const HANDS = [
  { hand: 'right', label: 'Right hand' },
  { hand: 'left', label: 'Left hand' },
] as const;

/**
 * The standard fingering beside the score (the engraving does not draw it): each hand's notes in order
 * with the finger under each, 1 = thumb … 5 = little finger.
 */
export function FingeringList({ fingering }: { readonly fingering: readonly ExerciseFingering[] }) {
  return (
    <section className="practice-fingering" aria-labelledby="fingering-heading">
      <h3 id="fingering-heading">Fingering</h3>
      <p className="muted">1 = thumb, 2 = index, 3 = middle, 4 = ring, 5 = little finger.</p>
      {HANDS.map(({ hand, label }) => {
        const notes = fingering
          .filter((finger) => finger.hand === hand)
          .sort((a, b) => a.note_index - b.note_index);
        if (notes.length === 0) return null;
        return (
          <div key={hand} className="practice-fingering__hand">
            <p className="practice-fingering__label">{label}</p>
            <ol className="practice-fingering__notes" aria-label={`${label} fingering`}>
              {notes.map((note) => (
                <li key={note.note_index}>
                  <span className="practice-fingering__note">{note.note}</span>
                  <span className="practice-fingering__finger" aria-label={`finger ${note.finger}`}>
                    {note.finger}
                  </span>
                </li>
              ))}
            </ol>
          </div>
        );
      })}
    </section>
  );
}
