import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useReducer, useState, type Dispatch } from 'react';
import { ApiError } from '../../api/http.js';
import { editStudentCurriculum, type CurriculumResponse } from '../../api/learning.js';
import { ErrorPanel } from '../../components/error-panel.js';
import { dayText, KIND_LABELS, minutesText } from './learn-format.js';
import {
  MAX_ITEM_MINUTES,
  MIN_ITEM_MINUTES,
  planEditBody,
  planEdited,
  planEditReducer,
  planIssueText,
  validItemMinutes,
  type PlanEditAction,
  type PlanWeek,
} from './plan-edit-model.js';

type PlanItem = PlanWeek['sessions'][number]['items'][number];

/** One item: its minutes (2–120), the session day it moves to, and Remove. */
function EditableItem({
  item,
  week,
  day,
  dispatch,
}: {
  readonly item: PlanItem;
  readonly week: PlanWeek;
  readonly day: number;
  readonly dispatch: Dispatch<PlanEditAction>;
}) {
  const [draft, setDraft] = useState(String(item.minutes));
  const valid = validItemMinutes(Number(draft));
  const minutesId = `plan-minutes-${item.item_id}`;
  return (
    <li className="learn-edit-item" data-item-id={item.item_id}>
      <span className="learn-edit-item__title">
        <span aria-hidden="true">{KIND_LABELS[item.kind].icon}</span> {item.title}
        {item.done ? <span className="muted"> · done ✓</span> : null}
      </span>
      <span className="learn-edit-item__controls">
        <label htmlFor={minutesId} className="visually-hidden">
          Minutes for {item.title}
        </label>
        <input
          id={minutesId}
          className="input-short"
          type="number"
          min={MIN_ITEM_MINUTES}
          max={MAX_ITEM_MINUTES}
          step={1}
          value={draft}
          aria-invalid={!valid}
          aria-describedby={valid ? undefined : `${minutesId}-error`}
          onChange={(e) => {
            setDraft(e.target.value);
            const minutes = Number(e.target.value);
            if (validItemMinutes(minutes)) dispatch({ type: 'minutes', itemId: item.item_id, minutes });
          }}
        />
        <span aria-hidden="true">min</span>
        <select
          aria-label={`Move ${item.title} to`}
          value={day}
          onChange={(e) => dispatch({ type: 'move', itemId: item.item_id, toDay: Number(e.target.value) })}
        >
          {week.sessions.map((session) => (
            <option key={session.day} value={session.day}>
              {dayText(session.date)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button-secondary"
          aria-label={`Remove ${item.title}`}
          onClick={() => dispatch({ type: 'remove', itemId: item.item_id })}
        >
          Remove
        </button>
      </span>
      {!valid && (
        <span id={`${minutesId}-error`} className="learn-edit-item__error error">
          Whole minutes from {MIN_ITEM_MINUTES} to {MAX_ITEM_MINUTES}.
        </span>
      )}
    </li>
  );
}

/** The plan as it stands in this editor, week by week; Save sends it once something changed. */
function PlanEditorForm({
  studentId,
  name,
  plan,
  onSaved,
}: {
  readonly studentId: string;
  readonly name: string;
  readonly plan: CurriculumResponse;
  readonly onSaved: (saved: CurriculumResponse) => void;
}) {
  const [weeks, dispatch] = useReducer(planEditReducer, plan.weeks);
  const [sent, setSent] = useState<readonly PlanWeek[]>([]);
  const save = useMutation({
    mutationFn: () => {
      const body = planEditBody(weeks);
      setSent(body.weeks);
      return editStudentCurriculum(studentId, body);
    },
    onSuccess: onSaved,
  });
  const changed = planEdited(plan.weeks, weeks);
  const issues = save.error instanceof ApiError ? save.error.issues : [];
  return (
    <form
      className="learn-plan-editor"
      aria-label={`${name}’s plan`}
      onSubmit={(event) => {
        event.preventDefault();
        if (changed) save.mutate();
      }}
    >
      <p className="muted">
        Open a week to change an item’s minutes ({MIN_ITEM_MINUTES}–{MAX_ITEM_MINUTES}), move it to another
        session day of that week, or remove it; then save the plan.
      </p>
      {weeks.map((week) => (
        <details key={week.week_number} className="learn-plan-week">
          <summary>
            Week {week.week_number} · from {dayText(week.start_date)} · {minutesText(week.estimated_duration)}
          </summary>
          <ul className="learn-edit-sessions">
            {week.sessions.map((session) => (
              <li key={session.date}>
                <strong>{dayText(session.date)}</strong> · {minutesText(session.minutes)}
                {session.items.length === 0 && <span className="muted"> · rest day once saved</span>}
                <ul className="learn-edit-items">
                  {session.items.map((item) => (
                    <EditableItem
                      key={item.item_id}
                      item={item}
                      week={week}
                      day={session.day}
                      dispatch={dispatch}
                    />
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </details>
      ))}
      {save.isError &&
        (issues.length > 0 ? (
          <div className="panel panel--error" role="alert">
            <p>
              <strong>The plan was not saved.</strong>
            </p>
            <ul>
              {issues.map((issue) => (
                <li key={issue.path}>{planIssueText(sent, issue)}</li>
              ))}
            </ul>
          </div>
        ) : (
          <ErrorPanel title="The plan was not saved." error={save.error} />
        ))}
      <div className="learn-actions">
        <button type="submit" disabled={!changed || save.isPending}>
          {save.isPending ? 'Saving…' : 'Save plan'}
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={!changed || save.isPending}
          onClick={() => {
            save.reset();
            dispatch({ type: 'reset', weeks: plan.weeks });
          }}
        >
          Undo changes
        </button>
      </div>
    </form>
  );
}

/**
 * A teacher's editor for a linked student's plan: in each week remove an item, move it to another
 * session day, change its minutes; "Save plan" PUTs the weeks as edited. After a save the student's plan
 * says who edited it.
 */
export function PlanEditor({
  studentId,
  name,
  plan,
}: {
  readonly studentId: string;
  readonly name: string;
  readonly plan: CurriculumResponse;
}) {
  const client = useQueryClient();
  const [saved, setSaved] = useState(false);
  return (
    <>
      {/* A plan that changed on the server (saved here, or an assignment) starts a fresh edit. */}
      <PlanEditorForm
        key={JSON.stringify(plan.weeks)}
        studentId={studentId}
        name={name}
        plan={plan}
        onSaved={(curriculum) => {
          client.setQueryData(['teacher', 'student', studentId, 'curriculum'], curriculum);
          setSaved(true);
        }}
      />
      {saved && (
        <p role="status" className="muted">
          Saved: {name}’s plan now says you edited it.
        </p>
      )}
    </>
  );
}
