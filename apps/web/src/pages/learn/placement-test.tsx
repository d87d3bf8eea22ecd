import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { fetchExercise } from '../../api/exercises.js';
import {
  FIRST_PLAN_WEEKS,
  LEARN_KEY,
  makeFirstPlan,
  startPlacementTest,
  submitPlacement,
  type PlacementItem,
  type PlacementResponse,
  type PlacementTestResponse,
  type StudentProfileResponse,
} from '../../api/learning.js';
import { ErrorPanel } from '../../components/error-panel.js';
import { ChoiceButtons } from '../ear-training/choice-buttons.js';
import { QuestionAudio } from '../ear-training/question-audio.js';
import { ExerciseView } from '../practice/exercise-view.js';
import { MidiTake } from '../practice/midi-take.js';
import { KIND_LABELS, levelLabel, skillMoveText, SKILLS } from './learn-format.js';
import {
  currentItem,
  isFinished,
  placementReducer,
  placementSubmission,
  progressText,
  startPlacement,
  type PlacementState,
} from './placement-flow.js';
import { useFocusHeading } from './use-focus-heading.js';

const noop = () => undefined;

/** An ear-training item: its audio (plays at once; the button or Space replays) and its choices. */
function EarItem({
  item,
  onChoose,
}: {
  readonly item: PlacementItem;
  readonly onChoose: (id: string) => void;
}) {
  const audioRef = useRef<HTMLAudioElement>(null);
  const replay = useCallback(() => {
    const audio = audioRef.current;
    if (!audio) return;
    audio.currentTime = 0;
    void audio.play().catch(noop);
  }, []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== ' ' || event.repeat) return;
      const target = event.target;
      if (target instanceof HTMLElement && target.closest('button, a, input, select, textarea')) return;
      event.preventDefault();
      replay();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [replay]);
  const ear = item.ear_training;
  if (!ear) return <p className="error">This item has no question.</p>;
  return (
    <>
      <p className="ear-prompt">{ear.prompt}</p>
      <QuestionAudio src={ear.audio_url} audioRef={audioRef} onReplay={replay} />
      <p className="muted">Space plays it again.</p>
      <ChoiceButtons
        choices={ear.choices}
        chosen={undefined}
        result={undefined}
        busy={false}
        onChoose={onChoose}
      />
    </>
  );
}

/** A theory item: the question and its choices. */
function TheoryItem({
  item,
  onChoose,
}: {
  readonly item: PlacementItem;
  readonly onChoose: (id: string) => void;
}) {
  const question = item.theory_question;
  if (!question) return <p className="error">This item has no question.</p>;
  return (
    <>
      <p className="ear-prompt">{question.prompt}</p>
      <ChoiceButtons
        choices={question.choices}
        chosen={undefined}
        result={undefined}
        busy={false}
        onChoose={onChoose}
      />
    </>
  );
}

/** An exercise item: the score (GET /exercises/{id}) and a MIDI keyboard take. */
function ExerciseItem({
  item,
  onPlayed,
}: {
  readonly item: PlacementItem;
  readonly onPlayed: (notes: Parameters<Parameters<typeof MidiTake>[0]['onTake']>[0]) => void;
}) {
  const id = item.exercise_id ?? '';
  const exercise = useQuery({
    queryKey: ['exercise', id],
    queryFn: () => fetchExercise(id),
    enabled: id !== '',
    staleTime: Infinity,
    retry: false,
  });
  if (exercise.isPending) return <p className="muted">Loading the exercise…</p>;
  if (exercise.isError) return <ErrorPanel title="Could not open this exercise." error={exercise.error} />;
  return (
    <>
      <ExerciseView exercise={exercise.data} noteMarks={undefined} onRendered={noop} />
      <section className="panel practice-take" aria-label="Play it">
        <p>Play it on a MIDI keyboard: Start, play along after the count-in, then Stop.</p>
        <MidiTake
          tempo={exercise.data.tempo}
          timeSignature={exercise.data.time_signature}
          busy={false}
          onTake={onPlayed}
        />
      </section>
    </>
  );
}

/** The result: each skill before → after, the level, in words. */
function PlacementResult({
  before,
  result,
  onContinue,
  planning,
}: {
  readonly before: StudentProfileResponse;
  readonly result: PlacementResponse;
  readonly onContinue: () => void;
  readonly planning: boolean;
}) {
  const headingRef = useFocusHeading();
  const after = result.profile;
  const answered = result.results.filter((r) => r.accuracy !== null).length;
  return (
    <section className="panel learn-placement" aria-labelledby="placement-result-heading">
      <h2 id="placement-result-heading" ref={headingRef} tabIndex={-1}>
        Your starting point
      </h2>
      <p className="learn-level">
        Level <strong>{levelLabel(after.current_level)}</strong>
        {after.current_level !== before.current_level && (
          <span className="muted"> (you guessed {before.current_level})</span>
        )}
      </p>
      <p className="muted">
        {answered} of {result.results.length} items answered; skipped ones keep your own estimate.
      </p>
      <ul className="learn-skill-moves" aria-label="Skills before and after the test">
        {SKILLS.map((skill) => (
          <li key={skill}>
            {skillMoveText(
              skill,
              { value: before.skills[skill], level: before.skill_levels[skill] },
              { value: after.skills[skill], level: after.skill_levels[skill] },
            )}
          </li>
        ))}
      </ul>
      {result.changes.length > 0 && (
        <>
          <h3>What the test showed</h3>
          <ul className="learn-reasons" aria-label="What the test showed">
            {result.changes.map((change, index) => (
              <li key={`${change.skill}-${index}`}>{change.reason}</li>
            ))}
          </ul>
        </>
      )}
      <button type="button" onClick={onContinue} disabled={planning}>
        {planning ? 'Making your plan…' : 'See today’s plan'}
      </button>
    </section>
  );
}

function PlacementSteps({
  test,
  onSubmit,
  submitting,
  error,
}: {
  readonly test: PlacementTestResponse;
  readonly onSubmit: (state: PlacementState) => void;
  readonly submitting: boolean;
  readonly error: unknown;
}) {
  const [state, dispatch] = useReducer(placementReducer, test, (t) => startPlacement(t.test_id, t.items));
  const item = currentItem(state);
  const headingRef = useFocusHeading(state.index);
  const finished = isFinished(state);
  const submitted = useRef(false);
  useEffect(() => {
    if (finished && !submitted.current) {
      submitted.current = true;
      onSubmit(state);
    }
  }, [finished, state, onSubmit]);

  if (!item) {
    return (
      <section className="panel learn-placement" aria-live="polite">
        {submitting && <p role="status">Grading your answers…</p>}
        {error !== null && error !== undefined && (
          <ErrorPanel title="Could not grade the test." error={error} onRetry={() => onSubmit(state)} />
        )}
      </section>
    );
  }
  const kind = KIND_LABELS[item.kind];
  return (
    <section className="panel learn-placement" aria-labelledby="placement-item-heading">
      <p className="learn-placement__progress">
        <progress max={state.items.length} value={state.index} aria-hidden="true" />{' '}
        <span>Item {progressText(state)}</span>
      </p>
      <h2 id="placement-item-heading" ref={headingRef} tabIndex={-1}>
        <span aria-hidden="true">{kind.icon} </span>
        {item.title}
      </h2>
      <p className="muted">
        {kind.label} · difficulty {item.difficulty}
      </p>
      {item.kind === 'ear_training' && (
        <EarItem key={item.item_id} item={item} onChoose={(choice) => dispatch({ type: 'choose', choice })} />
      )}
      {item.kind === 'theory' && (
        <TheoryItem
          key={item.item_id}
          item={item}
          onChoose={(choice) => dispatch({ type: 'choose', choice })}
        />
      )}
      {item.kind === 'exercise' && (
        <ExerciseItem
          key={item.item_id}
          item={item}
          onPlayed={(notes) => dispatch({ type: 'play', notes })}
        />
      )}
      <div className="learn-actions">
        <button type="button" className="button-secondary" onClick={() => dispatch({ type: 'skip' })}>
          {item.kind === 'exercise' ? 'Skip (no keyboard here)' : 'Skip'}
        </button>
      </div>
    </section>
  );
}

/**
 * The placement test: a handful of items (play an exercise, hear an interval or chord, answer a theory
 * question), one at a time with "3 of 7"; then POST /students/me/placement grades them and the result
 * says where each skill starts.
 */
export function PlacementTest({ profile }: { readonly profile: StudentProfileResponse }) {
  const client = useQueryClient();
  const headingRef = useFocusHeading();
  const [result, setResult] = useState<PlacementResponse | undefined>();
  const start = useMutation({ mutationFn: startPlacementTest });
  const submit = useMutation({
    mutationFn: submitPlacement,
    onSuccess: setResult,
  });
  const onSubmit = useCallback(
    (state: PlacementState) => submit.mutate(placementSubmission(state)),
    [submit],
  );
  // The first plan is made here, unless one exists, so the student lands on today's session.
  const firstPlan = useMutation({ mutationFn: makeFirstPlan });
  const finish = () => {
    if (!result) return;
    firstPlan.mutate(FIRST_PLAN_WEEKS, {
      onSettled: () => {
        client.setQueryData([...LEARN_KEY, 'profile'], result.profile);
        void client.invalidateQueries({ queryKey: LEARN_KEY });
      },
    });
  };

  if (result) {
    return (
      <PlacementResult before={profile} result={result} onContinue={finish} planning={firstPlan.isPending} />
    );
  }
  if (start.data) {
    return (
      <PlacementSteps
        test={start.data}
        onSubmit={onSubmit}
        submitting={submit.isPending}
        error={submit.error}
      />
    );
  }
  return (
    <section className="panel learn-placement" aria-labelledby="placement-heading">
      <h2 id="placement-heading" ref={headingRef} tabIndex={-1}>
        Placement test
      </h2>
      <p>
        A few short items, about five minutes: play a short exercise on a MIDI keyboard (or skip it), name an
        interval or chord you hear, and answer a theory question. They set where each of your six skills
        starts.
      </p>
      {start.isError && <ErrorPanel title="Could not start the test." error={start.error} />}
      <button type="button" onClick={() => start.mutate()} disabled={start.isPending}>
        {start.isPending ? 'Preparing the test…' : 'Start the placement test'}
      </button>
    </section>
  );
}
