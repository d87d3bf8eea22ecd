import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, requestJson } from '../../api/http.js';
import {
  assignToStudent,
  fetchStudentCurriculum,
  fetchStudentProgress,
  inviteStudent,
  type AssignmentBody,
} from '../../api/learning.js';
import { ErrorPanel } from '../../components/error-panel.js';
import { FormField } from '../generate/form-field.js';
import { dayText } from './learn-format.js';
import { LearnProgress } from './learn-progress.js';
import { PlanEditor } from './plan-editor.js';
import { assignmentBody, type AssignmentForm, EXERCISE_TYPES } from './assignment-model.js';
import { useFocusHeading } from './use-focus-heading.js';

interface LinkedStudent {
  readonly id: string;
  readonly displayName: string;
  readonly email: string;
  readonly status: 'pending' | 'accepted';
}

const studentsKey = ['teacher', 'students'] as const;

/** Assign an exercise (type, difficulty) or a song to a day of the student's plan. */
function AssignForm({ studentId, name }: { readonly studentId: string; readonly name: string }) {
  const client = useQueryClient();
  const [form, setForm] = useState<AssignmentForm>({
    what: 'exercise',
    skillType: 'scales',
    difficulty: '3',
    songId: '',
    date: '',
    minutes: '10',
  });
  const assign = useMutation({
    mutationFn: (body: AssignmentBody) => assignToStudent(studentId, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['teacher', 'student', studentId] }),
  });
  const [localError, setLocalError] = useState<string | undefined>();
  const set = (patch: Partial<AssignmentForm>) => setForm((current) => ({ ...current, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = assignmentBody(form);
    if ('error' in built) {
      setLocalError(built.error);
      return;
    }
    setLocalError(undefined);
    assign.mutate(built.body);
  };
  const issues = assign.error instanceof ApiError ? assign.error.issues : [];
  const issueFor = (name: string) =>
    issues.find((issue) => issue.path.replace(/^body\./, '').startsWith(name))?.message;
  return (
    <form className="learn-assign" onSubmit={submit} noValidate aria-label={`Assign to ${name}`}>
      <h3>Assign something</h3>
      <fieldset>
        <legend>What</legend>
        {(['exercise', 'song'] as const).map((what) => (
          <label key={what} className="radio">
            <input
              type="radio"
              name="assign-what"
              checked={form.what === what}
              onChange={() => set({ what })}
            />
            {what === 'exercise' ? 'An exercise' : 'A song'}
          </label>
        ))}
      </fieldset>
      <div className="form-grid">
        {form.what === 'exercise' ? (
          <>
            <FormField label="Exercise type" error={issueFor('exercise')}>
              {(control) => (
                <select
                  {...control}
                  value={form.skillType}
                  onChange={(e) => set({ skillType: e.target.value })}
                >
                  {EXERCISE_TYPES.map((type) => (
                    <option key={type.value} value={type.value}>
                      {type.label}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField label="Difficulty (1–10)">
              {(control) => (
                <select
                  {...control}
                  value={form.difficulty}
                  onChange={(e) => set({ difficulty: e.target.value })}
                >
                  {Array.from({ length: 10 }, (_, i) => String(i + 1)).map((d) => (
                    <option key={d}>{d}</option>
                  ))}
                </select>
              )}
            </FormField>
          </>
        ) : (
          <FormField label="Song id" hint="From the Songs page." error={issueFor('song_id')}>
            {(control) => (
              <input {...control} value={form.songId} onChange={(e) => set({ songId: e.target.value })} />
            )}
          </FormField>
        )}
        <FormField label="Day" hint="Empty: their next session." error={issueFor('date')}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={form.date}
              onChange={(e) => set({ date: e.target.value })}
            />
          )}
        </FormField>
        <FormField label="Minutes" error={issueFor('minutes') ?? localError}>
          {(control) => (
            <input
              {...control}
              className="input-short"
              inputMode="numeric"
              value={form.minutes}
              onChange={(e) => set({ minutes: e.target.value })}
            />
          )}
        </FormField>
      </div>
      {assign.isError && <ErrorPanel title="Could not assign it." error={assign.error} />}
      {assign.isSuccess && (
        <p role="status">
          Assigned “{assign.data.title}” on {dayText(assign.data.date)}.
        </p>
      )}
      <button type="submit" disabled={assign.isPending}>
        {assign.isPending ? 'Assigning…' : 'Assign'}
      </button>
    </form>
  );
}

/** One student: their progress (the same charts they see), their plan by week, and the assign form. */
function StudentDetail({ student }: { readonly student: LinkedStudent }) {
  const headingRef = useFocusHeading(student.id);
  const progress = useQuery({
    queryKey: ['teacher', 'student', student.id, 'progress'],
    queryFn: () => fetchStudentProgress(student.id),
    retry: false,
  });
  const plan = useQuery({
    queryKey: ['teacher', 'student', student.id, 'curriculum'],
    queryFn: () => fetchStudentCurriculum(student.id),
    retry: false,
  });
  return (
    <section className="panel learn-student" aria-labelledby="learn-student-heading">
      <h2 id="learn-student-heading" ref={headingRef} tabIndex={-1}>
        {student.displayName}
      </h2>
      {progress.isPending && <p className="muted">Loading progress…</p>}
      {progress.isError && <ErrorPanel title="Could not load their progress." error={progress.error} />}
      {progress.data && (
        <LearnProgress
          progress={progress.data}
          headingLevel={3}
          framed={false}
          chartLabel={`${student.displayName}’s skills over time`}
        />
      )}
      <h3>Plan</h3>
      {plan.isPending && <p className="muted">Loading the plan…</p>}
      {plan.isError && <ErrorPanel title="Could not load their plan." error={plan.error} />}
      {(plan.data === null || plan.data?.weeks.length === 0) && <p className="muted">No plan yet.</p>}
      {plan.data && plan.data.weeks.length > 0 && (
        <PlanEditor studentId={student.id} name={student.displayName} plan={plan.data} />
      )}
      <AssignForm studentId={student.id} name={student.displayName} />
    </section>
  );
}

/** Invite a student by the email of their account; they accept from their side. */
function InviteForm() {
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const invite = useMutation({
    mutationFn: inviteStudent,
    onSuccess: () => {
      setEmail('');
      void client.invalidateQueries({ queryKey: studentsKey });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (email.trim()) invite.mutate(email.trim());
  };
  return (
    <form className="inline-form learn-invite" onSubmit={submit}>
      <label htmlFor="learn-invite-email">Invite a student by email</label>
      <input
        id="learn-invite-email"
        type="email"
        className="input-wide"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <button type="submit" className="button-secondary" disabled={invite.isPending}>
        Invite
      </button>
      {invite.isError && <ErrorPanel title="Could not invite." error={invite.error} />}
      {invite.isSuccess && (
        <p role="status" className="muted">
          Invited: they see your plans and progress once they accept.
        </p>
      )}
    </form>
  );
}

/** A teacher's Learn page: linked students, one chosen at a time. */
export function TeacherStudents() {
  const headingRef = useFocusHeading();
  const students = useQuery({
    queryKey: studentsKey,
    queryFn: () => requestJson<{ readonly students: readonly LinkedStudent[] }>('/teachers/me/students'),
  });
  const [chosenId, setChosenId] = useState<string | undefined>();
  const list = students.data?.students ?? [];
  const chosen = list.find((student) => student.id === chosenId);
  return (
    <>
      <section className="panel" aria-labelledby="learn-students-heading">
        <h2 id="learn-students-heading" ref={headingRef} tabIndex={-1}>
          Your students
        </h2>
        {students.isPending && <p className="muted">Loading your students…</p>}
        {students.isError && (
          <ErrorPanel
            title="Could not load your students."
            error={students.error}
            onRetry={() => void students.refetch()}
          />
        )}
        {students.data && list.length === 0 && (
          <p>
            No students yet. Invite one by the email of their account (POST /teachers/me/students); they
            accept from their account.
          </p>
        )}
        {list.length > 0 && (
          <ul className="learn-students">
            {list.map((student) => (
              <li key={student.id}>
                {student.status === 'accepted' ? (
                  <button
                    type="button"
                    className={student.id === chosenId ? undefined : 'button-secondary'}
                    aria-pressed={student.id === chosenId}
                    onClick={() => setChosenId(student.id)}
                  >
                    {student.displayName}
                  </button>
                ) : (
                  <span>
                    {student.displayName} <span className="muted">(invited, not accepted yet)</span>
                  </span>
                )}{' '}
                <span className="muted">{student.email}</span>
              </li>
            ))}
          </ul>
        )}
        <InviteForm />
      </section>
      {chosen && <StudentDetail key={chosen.id} student={chosen} />}
    </>
  );
}
