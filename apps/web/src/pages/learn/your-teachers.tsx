import { useAnswerTeacher, useStudentTeachers, type LinkedTeacher } from '../../api/student-teachers.js';
import { ErrorPanel } from '../../components/error-panel.js';

/** What accepting a teacher means, in plain words. */
export const TEACHER_POWERS =
  'will see your progress and plan, and can assign you exercises and edit your plan';

function TeacherRow({
  teacher,
  pending,
  busy,
  onAnswer,
}: {
  readonly teacher: LinkedTeacher;
  readonly pending: boolean;
  readonly busy: boolean;
  readonly onAnswer: (accept: boolean) => void;
}) {
  return (
    <li className="learn-teacher" data-teacher-id={teacher.id}>
      <p>
        {pending ? (
          <>
            <strong>{teacher.displayName}</strong> <span className="muted">({teacher.email})</span> invited
            you: they {TEACHER_POWERS}.
          </>
        ) : (
          <>
            <strong>{teacher.displayName}</strong> <span className="muted">({teacher.email})</span> is your
            teacher: they see your progress and plan.
          </>
        )}
      </p>
      <div className="learn-actions">
        {pending && (
          <button type="button" disabled={busy} onClick={() => onAnswer(true)}>
            Accept
          </button>
        )}
        <button
          type="button"
          className="button-secondary"
          disabled={busy}
          onClick={() => onAnswer(false)}
          aria-label={`${pending ? 'Decline' : 'End'} ${teacher.displayName}`}
        >
          {pending ? 'Decline' : 'End'}
        </button>
      </div>
    </li>
  );
}

/**
 * A student's teachers: invitations to accept or decline, and the teachers they accepted (with End).
 * Nothing is shown while they have neither.
 */
export function YourTeachers() {
  const teachers = useStudentTeachers(true);
  const answer = useAnswerTeacher();
  if (!teachers.data) {
    return teachers.isError ? (
      <ErrorPanel title="Could not load your teachers." error={teachers.error} />
    ) : null;
  }
  const { invitations, teachers: accepted } = teachers.data;
  if (invitations.length === 0 && accepted.length === 0) return null;
  const row = (teacher: LinkedTeacher, pending: boolean) => (
    <TeacherRow
      key={teacher.id}
      teacher={teacher}
      pending={pending}
      busy={answer.isPending}
      onAnswer={(accept) => answer.mutate({ teacherId: teacher.id, accept })}
    />
  );
  return (
    <section
      className={`panel learn-teachers${invitations.length > 0 ? ' panel--notice' : ''}`}
      aria-labelledby="learn-teachers-heading"
    >
      <h2 id="learn-teachers-heading">Your teachers</h2>
      <ul className="learn-teacher-list">
        {invitations.map((teacher) => row(teacher, true))}
        {accepted.map((teacher) => row(teacher, false))}
      </ul>
      {answer.isError && <ErrorPanel title="Could not answer." error={answer.error} />}
    </section>
  );
}
