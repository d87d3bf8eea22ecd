import type { RefObject } from 'react';
import type { DictationGrading, EarTrainingAnswerResponse } from '../../api/ear-training.js';
import { barStarts, noteWords } from './note-entry.js';

/** A dictation graded note by note: each expected note green when written right, red when not. */
function GradingView({
  grading,
  given,
}: {
  readonly grading: DictationGrading;
  readonly given: readonly string[];
}) {
  const bars = barStarts(
    grading.notes.map((n) => n.expected),
    given,
  );
  return (
    <div className="ear-grading">
      <h3 id="ear-grading-heading">
        Note by note: {grading.notes.filter((n) => n.correct).length} of {grading.notes.length} right
        {grading.pitch_accuracy !== null && ` · pitch ${Math.round(grading.pitch_accuracy * 100)} %`}
        {` · rhythm ${Math.round(grading.rhythm_accuracy * 100)} %`}
      </h3>
      <ol className="ear-notes" aria-labelledby="ear-grading-heading">
        {grading.notes.map((note) => (
          <li
            key={note.index}
            className={[
              'ear-note',
              note.correct ? 'is-right' : 'is-wrong',
              bars.has(note.index) && 'starts-bar',
            ]
              .filter(Boolean)
              .join(' ')}
          >
            <span className="ear-note__mark" aria-hidden="true">
              {note.correct ? '✓' : '✗'}
            </span>
            <span className="visually-hidden">{note.correct ? 'right: ' : 'wrong: '}</span>
            {noteWords(note.expected)}
            {!note.correct && (
              <span className="ear-note__comment">
                {note.comment || (note.given ? `you wrote ${noteWords(note.given)}` : 'left out')}
              </span>
            )}
          </li>
        ))}
      </ol>
      {grading.extra.length > 0 && (
        <p className="ear-extra">
          Extra, not in the music:{' '}
          {grading.extra.map((x) => `${noteWords(x.given)} (note ${x.given_index + 1})`).join(', ')}.
        </p>
      )}
    </div>
  );
}

export interface AnswerFeedbackProps {
  readonly result: EarTrainingAnswerResponse;
  /** What the question gave (its time signature draws the bar lines in a grading). */
  readonly given: readonly string[];
  readonly onNext: () => void;
  readonly nextRef: RefObject<HTMLButtonElement | null>;
  readonly busy: boolean;
}

/** Right or wrong, the right answer, the teacher's explanation, the grading, and "Next". */
export function AnswerFeedback({ result, given, onNext, nextRef, busy }: AnswerFeedbackProps) {
  return (
    <section
      className={result.correct ? 'panel ear-feedback is-right' : 'panel ear-feedback is-wrong'}
      aria-labelledby="ear-feedback-heading"
    >
      <h2 id="ear-feedback-heading">
        {result.correct ? 'Right!' : 'Not quite.'}
        {result.grading ? '' : ` The answer: ${result.correct_answer}`}
      </h2>
      <p id="ear-explanation" className="ear-explanation">
        {result.explanation}
      </p>
      {result.grading && <GradingView grading={result.grading} given={given} />}
      <button
        ref={nextRef}
        type="button"
        onClick={onNext}
        disabled={busy}
        aria-keyshortcuts="Enter"
        aria-describedby="ear-feedback-heading ear-explanation"
      >
        Next question →
      </button>
    </section>
  );
}
