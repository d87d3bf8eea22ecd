import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { fetchExercise, generateExercise, type ExerciseResponse } from '../../api/exercises.js';
import { LEARN_KEY } from '../../api/learning.js';
import {
  gradeFileAttempt,
  gradeMidiAttempt,
  type PracticeAttemptResponse,
} from '../../api/practice-attempts.js';
import { ChoiceGroup } from '../../components/export/choice-group.js';
import { ErrorPanel } from '../../components/error-panel.js';
import type { RenderedScore } from '../../components/score-view/score-view.js';
import { usePageTitle } from '../../layout/use-page-title.js';
import { noteMarks, scoreNotesFromTimemap } from './attempt-marks.js';
import { AttemptResult } from './attempt-result.js';
import {
  buildExerciseBody,
  DEFAULT_EXERCISE_FORM,
  type ExerciseForm,
  type ExerciseFormErrors,
} from './exercise-form-model.js';
import { ExerciseFormView } from './exercise-form.js';
import { ExerciseView } from './exercise-view.js';
import type { CapturedNote } from './midi-capture.js';
import { MicrophoneTake } from './microphone-take.js';
import { MidiTake } from './midi-take.js';

type Take =
  | { readonly kind: 'midi'; readonly notes: readonly CapturedNote[] }
  | { readonly kind: 'file'; readonly file: Blob; readonly fileName: string };

type Method = 'midi' | 'microphone';
const METHODS = [
  { value: 'midi', label: 'MIDI keyboard', hint: 'Web MIDI: Chrome or Edge' },
  { value: 'microphone', label: 'Microphone or file', hint: 'any instrument, or a recording / .mid' },
] as const;

const exerciseKey = (id: string | undefined) => ['exercise', id] as const;

/**
 * Practice: choose an exercise (or open one by id: /practice?exercise=ID), see, hear and read it with
 * its tips and fingering, play it on a MIDI keyboard or into the microphone, and see the score coloured
 * note by note with the totals; then try again.
 */
export function PracticePage() {
  usePageTitle('Practice');
  const [params, setParams] = useSearchParams();
  const exerciseId = params.get('exercise') ?? undefined;
  // Opened from the Learn page's plan: the attempt is sent with the plan item, and leads back there.
  const planItemId = params.get('plan_item') ?? undefined;
  const queryClient = useQueryClient();
  const [form, setForm] = useState<ExerciseForm>(DEFAULT_EXERCISE_FORM);
  const [formErrors, setFormErrors] = useState<ExerciseFormErrors>({});
  const [method, setMethod] = useState<Method>('midi');
  const [rendered, setRendered] = useState<RenderedScore | undefined>();
  const resultRef = useRef<HTMLDivElement>(null);
  // Opened on one exercise (from a song or a plan item) the generator stays folded away behind a link:
  // "Scales" options above a song only confuse. Opened bare, or once unfolded, it stays shown.
  const [formShown, setFormShown] = useState(exerciseId === undefined);

  const exercise = useQuery({
    queryKey: exerciseKey(exerciseId),
    queryFn: () => fetchExercise(exerciseId ?? ''),
    enabled: exerciseId !== undefined,
    staleTime: Infinity,
    retry: false,
  });
  const generate = useMutation({
    mutationFn: generateExercise,
    onSuccess: (made: ExerciseResponse) => {
      queryClient.setQueryData(exerciseKey(made.exercise_id), made);
      setParams({ exercise: made.exercise_id });
    },
  });
  const grade = useMutation({
    mutationFn: ({ id, take }: { id: string; take: Take }): Promise<PracticeAttemptResponse> =>
      take.kind === 'midi'
        ? gradeMidiAttempt(
            id,
            take.notes.map(({ midi, start, end, velocity }) => ({ midi, start, end, velocity })),
            undefined,
            { planItemId },
          )
        : gradeFileAttempt(id, take.file, take.fileName, undefined, { planItemId }),
    onSuccess: () => {
      // The plan, the streak and the skills have moved: the Learn page asks again.
      if (planItemId) void queryClient.invalidateQueries({ queryKey: LEARN_KEY });
      scrollToResult();
    },
  });
  const scrollToResult = () =>
    requestAnimationFrame(() => {
      resultRef.current?.scrollIntoView({ block: 'start' });
      resultRef.current?.focus({ preventScroll: true });
    });
  const current = exercise.data;
  const attempt = grade.data?.exercise_id === current?.exercise_id ? grade.data : undefined;

  // Another exercise: forget the last attempt and its colours.
  const { reset: resetGrade } = grade;
  useEffect(() => {
    resetGrade();
    setRendered(undefined);
  }, [exerciseId, resetGrade]);

  const marks = useMemo(() => {
    if (!attempt || !rendered || !current) return undefined;
    const scoreNotes = scoreNotesFromTimemap(rendered.timemap, rendered.midiOf, current.tempo);
    return noteMarks(attempt.notes, current.tempo, scoreNotes);
  }, [attempt, rendered, current]);

  const submit = () => {
    const built = buildExerciseBody(form);
    if ('errors' in built) {
      setFormErrors(built.errors);
      return;
    }
    setFormErrors({});
    generate.mutate(built.body);
  };
  const send = (take: Take) => {
    if (current) grade.mutate({ id: current.exercise_id, take });
  };
  const retry = () => {
    grade.reset();
    requestAnimationFrame(() => document.getElementById('practice-take-heading')?.scrollIntoView());
  };

  return (
    <>
      <h1>Practice</h1>
      <p className="lead">
        Pick an exercise at your level, listen to it, then play it on a MIDI keyboard or into the microphone:
        every note comes back marked right, wrong, early or late.
      </p>
      {planItemId && (
        <p className="panel panel--notice practice-plan-note">
          From <Link to="/learn">today’s plan</Link>: a graded attempt ticks it off.
        </p>
      )}
      {formShown ? (
        <ExerciseFormView
          form={form}
          onChange={setForm}
          errors={formErrors}
          busy={generate.isPending}
          onSubmit={submit}
        />
      ) : (
        <p className="practice-choose-another">
          <button type="button" className="button-secondary" onClick={() => setFormShown(true)}>
            Choose another exercise
          </button>
        </p>
      )}
      {generate.isError && (
        <ErrorPanel
          title="Could not make the exercise."
          error={generate.error}
          onRetry={() => generate.reset()}
        />
      )}
      {exerciseId !== undefined && exercise.isPending && (
        <p role="status" className="muted">
          Loading the exercise…
        </p>
      )}
      {exercise.isError && <ErrorPanel title="Could not open this exercise." error={exercise.error} />}
      {current && (
        <>
          <ExerciseView
            key={current.exercise_id}
            exercise={current}
            noteMarks={marks}
            onRendered={setRendered}
          />
          <div ref={resultRef} tabIndex={-1} className="practice-result-anchor">
            {attempt && <AttemptResult attempt={attempt} onRetry={retry} />}
            {attempt && planItemId && (
              <p className="practice-plan-link">
                <Link className="button-link" to="/learn">
                  ← Back to today’s plan
                </Link>
              </p>
            )}
          </div>
          <section className="panel practice-take" aria-labelledby="practice-take-heading">
            <h2 id="practice-take-heading">Play it</h2>
            <ChoiceGroup legend="Play with" choices={METHODS} value={method} onChange={setMethod} compact />
            {method === 'midi' ? (
              <MidiTake
                tempo={current.tempo}
                timeSignature={current.time_signature}
                busy={grade.isPending}
                onTake={(notes) => send({ kind: 'midi', notes })}
              />
            ) : (
              <MicrophoneTake
                busy={grade.isPending}
                onFile={(file, fileName) => send({ kind: 'file', file, fileName })}
              />
            )}
            {grade.isPending && (
              <p role="status" className="practice-grading">
                Grading your attempt…
              </p>
            )}
            {grade.isError && <ErrorPanel title="Could not grade the attempt." error={grade.error} />}
          </section>
        </>
      )}
    </>
  );
}
