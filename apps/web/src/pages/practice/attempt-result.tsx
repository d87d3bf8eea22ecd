import type { PracticeAttemptResponse, PracticeVerdict } from '../../api/practice-attempts.js';
import { describeNote, percent, tempoText, timingText, VERDICT_STYLES } from './attempt-marks.js';

const LEGEND: readonly PracticeVerdict[] = ['correct', 'wrong_pitch', 'missed', 'early', 'late'];

/** The colours on the score and what they mean, each with its mark. */
export function VerdictLegend() {
  return (
    <ul className="practice-legend" aria-label="Colours on the score">
      {LEGEND.map((verdict) => {
        const style = VERDICT_STYLES[verdict];
        return (
          <li key={verdict} className={`practice-legend__item practice-tone--${style.tone}`}>
            <span className="practice-legend__mark" aria-hidden="true">
              {style.mark}
            </span>{' '}
            {style.label}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * A graded attempt: the totals (score, pitch and rhythm accuracy, tempo kept against the written one),
 * how many notes of each verdict, every note in a list with its mark and timing error, the notes played
 * that were not asked for, and Try again. The score above is coloured to match.
 */
export function AttemptResult({
  attempt,
  onRetry,
}: {
  readonly attempt: PracticeAttemptResponse;
  readonly onRetry: () => void;
}) {
  const { counts } = attempt;
  return (
    <section className="panel practice-result" aria-labelledby="practice-result-heading">
      <div className="practice-result__head">
        <h2 id="practice-result-heading">Your attempt</h2>
        <button type="button" onClick={onRetry}>
          ↻ Try again
        </button>
      </div>
      <dl className="practice-totals" aria-label="Totals">
        <div className="practice-totals__score">
          <dt>Score</dt>
          <dd>{Math.round(attempt.score)} / 100</dd>
        </div>
        <div>
          <dt>Pitch accuracy</dt>
          <dd>{percent(attempt.pitch_accuracy)}</dd>
        </div>
        <div>
          <dt>Rhythm accuracy</dt>
          <dd>{percent(attempt.rhythm_accuracy)}</dd>
        </div>
        <div>
          <dt>Tempo played</dt>
          <dd>{attempt.tempo_played === null ? '—' : `${Math.round(attempt.tempo_played)} bpm`}</dd>
        </div>
      </dl>
      <p>{tempoText(attempt.tempo_played, attempt.tempo_expected)}</p>
      <p className="practice-counts" data-testid="practice-counts">
        {VERDICT_STYLES.correct.mark} {counts.correct} correct · {VERDICT_STYLES.wrong_pitch.mark}{' '}
        {counts.wrong_pitch} wrong pitch · {VERDICT_STYLES.missed.mark} {counts.missed} missed ·{' '}
        {VERDICT_STYLES.early.mark} {counts.early} early · {VERDICT_STYLES.late.mark} {counts.late} late ·{' '}
        {counts.extra} extra
      </p>
      <p className="muted">
        Early and late mean more than {Math.round(attempt.tolerance_ms)} ms off the beat you kept (your own
        tempo is taken into account).
      </p>
      <VerdictLegend />
      <details className="practice-notes" open={attempt.notes.length <= 40}>
        <summary>Note by note ({attempt.notes.length} notes)</summary>
        <table className="practice-notes__table" data-testid="practice-note-list">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Note</th>
              <th scope="col">Result</th>
              <th scope="col">Timing</th>
            </tr>
          </thead>
          <tbody>
            {attempt.notes.map((note, row) => {
              const style = VERDICT_STYLES[note.verdict];
              return (
                <tr
                  key={`${note.index}-${row}`}
                  className={`practice-tone--${style.tone}`}
                  title={describeNote(note)}
                >
                  <td>{row + 1}</td>
                  <th scope="row">{note.expected.name}</th>
                  <td>
                    <span aria-hidden="true">{style.mark}</span> {style.label}
                    {note.verdict === 'wrong_pitch' && note.played_name
                      ? ` (played ${note.played_name})`
                      : ''}
                  </td>
                  <td>{note.verdict === 'missed' ? '—' : timingText(note.timing_error_ms)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
      {attempt.extra_notes.length > 0 ? (
        <p className="practice-extra">
          <strong>Extra notes</strong> (played but not in the exercise):{' '}
          {attempt.extra_notes.map((note) => `${note.name} at ${note.start.toFixed(2)} s`).join(', ')}
        </p>
      ) : (
        <p className="practice-extra muted">No extra notes.</p>
      )}
      {attempt.session_id === null && (
        <p className="muted">Sign in to keep your attempts as practice sessions for your learning path.</p>
      )}
    </section>
  );
}
