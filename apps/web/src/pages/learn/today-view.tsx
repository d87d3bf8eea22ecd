import type { ProgressResponse, StudentProfileResponse, TodayResponse } from '../../api/learning.js';
import { useCurriculum, useMakePlan } from '../../api/learning.js';
import { useStudentTeachers } from '../../api/student-teachers.js';
import { ErrorPanel } from '../../components/error-panel.js';
import { dayText, KIND_LABELS, minutesText, SKILL_LABELS, sessionMinutes } from './learn-format.js';
import { LearnProgress, StreakCard } from './learn-progress.js';
import { PlanItemRow } from './plan-item-row.js';
import { useFocusHeading } from './use-focus-heading.js';

/** Weeks a new plan covers. */
const PLAN_WEEKS = 4;

function TodaySession({ today }: { readonly today: TodayResponse }) {
  const { session } = today;
  if (!session) {
    return (
      <p className="learn-rest">
        Rest day.
        {today.next_session_date ? ` Next session on ${dayText(today.next_session_date)}.` : ''}
      </p>
    );
  }
  const total = sessionMinutes(session.items);
  const done = session.items.filter((item) => item.done).length;
  return (
    <>
      <p className="muted" data-testid="learn-session-summary">
        {session.items.length} items · {minutesText(total)} of your {minutesText(session.minutes)} session ·{' '}
        {done} of {session.items.length} done
      </p>
      <ul className="learn-items" aria-label="Today’s items">
        {session.items.map((item) => (
          <PlanItemRow key={item.item_id} item={item} />
        ))}
      </ul>
    </>
  );
}

/** "Edited by Tess Teacher" when a teacher last edited the plan (by name while they are linked). */
function EditedBy() {
  const curriculum = useCurriculum(true);
  const teachers = useStudentTeachers(true);
  const editor = curriculum.data?.edited_by;
  if (!editor) return null;
  const name = teachers.data?.teachers.find((teacher) => teacher.id === editor)?.displayName;
  return (
    <p className="muted learn-edited-by" data-testid="learn-edited-by">
      Plan edited by {name ?? 'your teacher'}.
    </p>
  );
}

/**
 * A placed student's Learn page: today's session as a checklist, due reviews, why the plan looks like
 * this, the week ahead, the streak, and progress with the chart of every skill; "Make a new plan" and
 * "Edit preferences".
 */
export function TodayView({
  profile,
  today,
  progress,
  onEditPreferences,
}: {
  readonly profile: StudentProfileResponse;
  readonly today: TodayResponse;
  readonly progress: ProgressResponse | undefined;
  readonly onEditPreferences: () => void;
}) {
  const makePlan = useMakePlan();
  const headingRef = useFocusHeading();
  return (
    <div className="learn-today">
      <section className="panel" aria-labelledby="learn-today-heading">
        <div className="learn-today__head">
          <h2 id="learn-today-heading" ref={headingRef} tabIndex={-1}>
            Today · {dayText(today.date)}
          </h2>
          {today.week_number !== null && <span className="muted">Week {today.week_number}</span>}
        </div>
        {today.has_plan && <EditedBy />}
        {today.focus_areas.length > 0 && (
          <p>
            This week’s focus:{' '}
            {today.focus_areas.map((skill) => SKILL_LABELS[skill].toLowerCase()).join(', ')}.
          </p>
        )}
        {today.has_plan ? (
          <TodaySession today={today} />
        ) : (
          <p>
            You have no plan yet. Make one: it fits your {minutesText(profile.session_duration)} sessions.
          </p>
        )}
        {today.due_reviews.length > 0 && (
          <>
            <h3>Due for review</h3>
            <ul className="learn-reviews">
              {today.due_reviews.map((review) => (
                <li key={review.review_item_id}>
                  <span aria-hidden="true">{KIND_LABELS[review.kind].icon}</span> {review.title}{' '}
                  <span className="muted">· due {dayText(review.due)}</span>
                </li>
              ))}
            </ul>
          </>
        )}
        <div className="learn-actions">
          <button
            type="button"
            className={today.has_plan ? 'button-secondary' : undefined}
            onClick={() => makePlan.mutate(PLAN_WEEKS)}
            disabled={makePlan.isPending}
          >
            {makePlan.isPending ? 'Planning…' : today.has_plan ? 'Make a new plan' : 'Make my plan'}
          </button>
          <button type="button" className="button-secondary" onClick={onEditPreferences}>
            Edit preferences
          </button>
        </div>
        {makePlan.isError && <ErrorPanel title="Could not make the plan." error={makePlan.error} />}
        {makePlan.isSuccess && (
          <p role="status" className="muted">
            A new {PLAN_WEEKS}-week plan starts today.
          </p>
        )}
      </section>

      <div className="learn-columns">
        <section className="panel" aria-labelledby="learn-why-heading">
          <h2 id="learn-why-heading">Why this plan</h2>
          {today.reasons.length > 0 ? (
            <ul className="learn-reasons" aria-label="Reasons, latest first">
              {today.reasons.map((reason, index) => (
                <li key={index}>{reason}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">Reasons appear once your results start moving the plan.</p>
          )}
        </section>
        <section className="panel" aria-labelledby="learn-streak-heading">
          <h2 id="learn-streak-heading">Streak</h2>
          <StreakCard streak={today.streak} />
        </section>
      </div>

      <section className="panel" aria-labelledby="learn-week-heading">
        <h2 id="learn-week-heading">The week ahead</h2>
        {today.week_ahead.length > 0 ? (
          <ul className="learn-week" aria-label="Sessions left this week">
            {today.week_ahead.map((session) => (
              <li key={session.date}>
                <strong>{dayText(session.date)}</strong> · {minutesText(session.minutes)} ·{' '}
                <span className="muted">{session.items.map((item) => item.title).join(', ')}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No more sessions this week.</p>
        )}
      </section>

      {progress && <LearnProgress progress={progress} />}
    </div>
  );
}
