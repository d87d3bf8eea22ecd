import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { generateExercise } from '../../api/exercises.js';
import { useCheckOff, type PlanItemView } from '../../api/learning.js';
import { ErrorPanel } from '../../components/error-panel.js';
import { difficultyText, KIND_LABELS, minutesText, SKILL_LABELS } from './learn-format.js';
import { earTrainingHref, exerciseRequestOf, practiceHref } from './plan-item-links.js';
import { TheoryQuestions } from './theory-questions.js';

/**
 * One item of today's session: a box to tick it off, its kind, title, minutes and difficulty, and Start:
 * an exercise is generated and opened on the Practice page (which tells the server which plan item the
 * attempt belongs to), ear training opens that page, theory questions open here, a song opens its page.
 */
export function PlanItemRow({ item }: { readonly item: PlanItemView }) {
  const navigate = useNavigate();
  const checkOff = useCheckOff();
  const [theoryOpen, setTheoryOpen] = useState(false);
  const start = useMutation({
    mutationFn: generateExercise,
    onSuccess: (exercise) => void navigate(practiceHref(exercise.exercise_id, item.item_id)),
  });
  const kind = KIND_LABELS[item.kind];
  // Ticked at once, in this render (the server's answer follows; a refusal unticks it).
  const [ticking, setTicking] = useState(false);
  const ticked = item.done || ticking;
  const checkboxId = `plan-item-${item.item_id}`;
  const earHref = earTrainingHref(item);

  let action;
  if (item.exercise) {
    const request = exerciseRequestOf(item.exercise);
    action = (
      <button type="button" onClick={() => start.mutate(request)} disabled={start.isPending}>
        {start.isPending ? 'Preparing…' : 'Start'}
        <span className="visually-hidden"> {item.title}</span>
      </button>
    );
  } else if (earHref) {
    action = (
      <Link className="button-link" to={earHref}>
        Start<span className="visually-hidden"> {item.title}</span>
      </Link>
    );
  } else if (item.theory_topic) {
    action = (
      <button type="button" aria-expanded={theoryOpen} onClick={() => setTheoryOpen((open) => !open)}>
        {theoryOpen ? 'Close' : 'Start'}
        <span className="visually-hidden"> {item.title}</span>
      </button>
    );
  } else if (item.song) {
    action = (
      <Link className="button-link" to={`/songs/${encodeURIComponent(item.song.id)}`}>
        Open the song<span className="visually-hidden"> {item.song.title}</span>
      </Link>
    );
  }

  return (
    <li className={item.done ? 'learn-item is-done' : 'learn-item'} data-item-id={item.item_id}>
      <div className="learn-item__row">
        <input
          id={checkboxId}
          type="checkbox"
          className="learn-item__check"
          // Ticked off stays ticked: there is no "undone".
          checked={ticked}
          // Not `disabled`: a greyed box would read as "not available" rather than "done".
          aria-disabled={ticked}
          onChange={() => {
            if (ticked) return;
            setTicking(true);
            checkOff.mutate(item.item_id, { onError: () => setTicking(false) });
          }}
        />
        <div className="learn-item__text">
          <label htmlFor={checkboxId} className="learn-item__title">
            <span className={`learn-kind learn-kind--${item.kind}`}>
              <span aria-hidden="true">{kind.icon}</span> {kind.label}
              <span className="visually-hidden">:</span>
            </span>{' '}
            {item.title}
            {item.done && <span className="visually-hidden"> (done)</span>}
          </label>
          <p className="learn-item__meta muted">
            {minutesText(item.minutes)} · difficulty {difficultyText(item.difficulty)} ·{' '}
            {SKILL_LABELS[item.skill]}
            {item.assigned_by && ' · from your teacher'}
          </p>
        </div>
        <div className="learn-item__action">{action}</div>
      </div>
      {start.isError && <ErrorPanel title="Could not make the exercise." error={start.error} />}
      {checkOff.isError && <ErrorPanel title="Could not tick it off." error={checkOff.error} />}
      {theoryOpen && item.theory_topic && (
        <TheoryQuestions topicId={item.theory_topic.id} planItemId={item.item_id} />
      )}
    </li>
  );
}
