import type { ProgressResponse, Streak } from '../../api/learning.js';
import {
  dayText,
  daysText,
  difficultyText,
  levelLabel,
  percentText,
  SKILL_LABELS,
  SKILLS,
} from './learn-format.js';
import { SkillChart } from './skill-chart.js';

/** Days in a row practised, and the best run. */
export function StreakCard({ streak }: { readonly streak: Streak }) {
  return (
    <dl className="learn-streak" aria-label="Streak">
      <div>
        <dt>Current streak</dt>
        <dd>{daysText(streak.current)}</dd>
      </div>
      <div>
        <dt>Best streak</dt>
        <dd>{daysText(streak.best)}</dd>
      </div>
      <div>
        <dt>Today</dt>
        <dd>{streak.practised_today ? 'practised ✓' : 'not yet'}</dd>
      </div>
    </dl>
  );
}

/**
 * Where the student stands: the level, each skill (0–100 %) with the difficulty it is practised at, the
 * chart of every skill over time, and the latest adaptations in words.
 */
export function LearnProgress({
  progress,
  headingLevel = 2,
  chartLabel,
  framed = true,
}: {
  /** In its own panel (the student's page), or inside another one (a teacher's view of a student). */
  readonly framed?: boolean;
  readonly progress: ProgressResponse;
  readonly headingLevel?: 2 | 3;
  readonly chartLabel?: string;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section
      className={framed ? 'panel learn-progress' : 'learn-progress'}
      aria-labelledby="learn-progress-heading"
    >
      <Heading id="learn-progress-heading">Progress</Heading>
      <p className="learn-level">
        Level <strong>{levelLabel(progress.current_level)}</strong>
        {progress.attempts.average_score !== null && (
          <span className="muted"> · average score {Math.round(progress.attempts.average_score)} / 100</span>
        )}
        <span className="muted"> · {progress.attempts.total} graded attempts</span>
      </p>
      <div className="table-scroll">
        <table className="data-table learn-skills" aria-label="Skills">
          <thead>
            <tr>
              <th scope="col">Skill</th>
              <th scope="col">Ability</th>
              <th scope="col">Practised at</th>
            </tr>
          </thead>
          <tbody>
            {SKILLS.map((skill) => (
              <tr key={skill}>
                <th scope="row">{SKILL_LABELS[skill]}</th>
                <td>
                  <span className="learn-bar" aria-hidden="true">
                    <span style={{ width: `${Math.round(progress.skills[skill] * 100)}%` }} />
                  </span>{' '}
                  {percentText(progress.skills[skill])}
                </td>
                <td>{difficultyText(progress.skill_levels[skill])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Heading className="learn-subheading">Skills over time</Heading>
      <SkillChart history={progress.history} {...(chartLabel ? { label: chartLabel } : {})} />
      {progress.changes.length > 0 && (
        <>
          <Heading className="learn-subheading">What changed</Heading>
          <ul className="learn-changes" aria-label="Adaptations, newest first">
            {progress.changes.slice(0, 8).map((change, index) => (
              <li key={`${change.at}-${change.skill}-${index}`}>
                {change.reason} <span className="muted">· {dayText(change.at)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
