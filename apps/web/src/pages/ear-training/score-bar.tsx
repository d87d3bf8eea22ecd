import { scoreWords, type QuizScore } from './quiz-score.js';

/** The session's score, current streak and best streak; says the change to screen readers. */
export function ScoreBar({ score, onReset }: { readonly score: QuizScore; readonly onReset: () => void }) {
  return (
    <div className="ear-score" role="group" aria-label="Your score">
      <dl>
        <div>
          <dt>Score</dt>
          <dd>
            {score.correct} / {score.asked}
          </dd>
        </div>
        <div>
          <dt>Streak</dt>
          <dd data-testid="ear-streak">{score.streak}</dd>
        </div>
        <div>
          <dt>Best streak</dt>
          <dd data-testid="ear-best">{score.best}</dd>
        </div>
      </dl>
      <p className="visually-hidden" role="status">
        {score.asked > 0 && `${scoreWords(score)}; streak ${score.streak}, best ${score.best}.`}
      </p>
      <button type="button" className="button-secondary" onClick={onReset} disabled={score.asked === 0}>
        Reset score
      </button>
    </div>
  );
}
