import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  answerEarTrainingQuestion,
  askEarTrainingQuestion,
  type EarTrainingAnswer,
  type EarTrainingAnswerResponse,
  type EarTrainingQuestionResponse,
  type EarTrainingQuestionType,
} from '../../api/ear-training.js';
import { ErrorPanel } from '../../components/error-panel.js';
import { usePageTitle } from '../../layout/use-page-title.js';
import { AnswerFeedback } from './answer-feedback.js';
import { ChoiceButtons } from './choice-buttons.js';
import { DictationEntry } from './dictation-entry.js';
import { answerNotes, MIDDLE_C, readFirstNote, type EnteredNote } from './note-entry.js';
import { QuestionAudio } from './question-audio.js';
import { isDictation, settingsFromQuery } from './question-types.js';
import { quizKeyAction, type KeyTarget } from './quiz-keys.js';
import { NEW_SCORE, readSavedScore, recordAnswer, SCORE_STORAGE_KEY, type QuizScore } from './quiz-score.js';
import { QuizSettings } from './quiz-settings.js';
import { ScoreBar } from './score-bar.js';

interface Asked {
  readonly question: EarTrainingQuestionResponse;
  /** Counts questions this visit, for the heading. */
  readonly number: number;
}

interface Answered {
  readonly chosen: string | undefined;
  readonly result: EarTrainingAnswerResponse;
}

function loadScore(): QuizScore {
  try {
    return readSavedScore(sessionStorage.getItem(SCORE_STORAGE_KEY));
  } catch {
    return NEW_SCORE; // storage switched off: the score lives as long as the page
  }
}

function targetOf(element: EventTarget | null): KeyTarget {
  if (!(element instanceof HTMLElement)) return 'other';
  if (element.isContentEditable || element.closest('input, select, textarea')) return 'text';
  if (element.closest('a[href]')) return 'link';
  if (element.closest('button, summary')) return 'button';
  return 'other';
}

/**
 * Ear training: pick a kind of question and a difficulty, hear the question, answer it with a choice
 * button or by writing the dictation down, read why, and go on; the score and streak last the session.
 */
export function EarTrainingPage() {
  usePageTitle('Ear training');
  // A plan item links here with its kind and difficulty (?type=…&difficulty=…&plan_item=…).
  const [params] = useSearchParams();
  const fromQuery = settingsFromQuery(params);
  const fromPlan = params.get('plan_item') !== null;
  const [type, setType] = useState<EarTrainingQuestionType>(fromQuery.type ?? 'interval_recognition');
  const [difficulty, setDifficulty] = useState(fromQuery.difficulty ?? 1);
  const [asked, setAsked] = useState<Asked | undefined>();
  const [answered, setAnswered] = useState<Answered | undefined>();
  const [notes, setNotes] = useState<readonly EnteredNote[]>([]);
  const [score, setScore] = useState<QuizScore>(loadScore);
  const audioRef = useRef<HTMLAudioElement>(null);
  const questionRef = useRef<HTMLElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    try {
      sessionStorage.setItem(SCORE_STORAGE_KEY, JSON.stringify(score));
    } catch {
      // storage switched off: nothing to keep
    }
  }, [score]);

  const ask = useMutation({
    mutationFn: askEarTrainingQuestion,
    onSuccess: (question) => {
      setAsked((previous) => ({ question, number: (previous?.number ?? 0) + 1 }));
      setAnswered(undefined);
      setNotes([]);
    },
  });
  const check = useMutation({
    mutationFn: ({ id, answer }: { id: string; answer: EarTrainingAnswer; chosen?: string }) =>
      answerEarTrainingQuestion(id, answer),
    onSuccess: (result, { chosen }) => {
      setAnswered({ chosen, result });
      setScore((current) => recordAnswer(current, result.correct));
    },
  });

  // Focus moves once React has drawn what it moves to (after the commit, not in the mutation's callback,
  // where the new question or the Next button may not exist yet): a new question's heading, then "Next".
  const questionNumber = asked?.number;
  useEffect(() => {
    if (questionNumber !== undefined) questionRef.current?.focus({ preventScroll: true });
  }, [questionNumber]);
  useEffect(() => {
    if (answered !== undefined) nextRef.current?.focus({ preventScroll: true });
  }, [answered]);

  const question = asked?.question;
  const locked = answered !== undefined || check.isPending;
  const newQuestion = useCallback(() => {
    check.reset();
    ask.mutate({ type, difficulty });
  }, [ask, check, type, difficulty]);
  const choose = useCallback(
    (id: string) => {
      if (!question || locked) return;
      check.mutate({ id: question.question_id, answer: id, chosen: id });
    },
    [question, locked, check],
  );
  const submitNotes = () => {
    if (!question || locked || notes.length === 0) return;
    check.mutate({ id: question.question_id, answer: answerNotes(question.type, notes) });
  };
  const replay = useCallback(() => {
    const audio = audioRef.current;
    if (!audio) return;
    audio.currentTime = 0;
    audio.play().catch(() => undefined);
  }, []);

  // The quiz's keyboard, for the whole page: 1–9, Space, Enter (quiz-keys.ts).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = quizKeyAction({
        key: event.key,
        modifier: event.ctrlKey || event.altKey || event.metaKey,
        target: targetOf(event.target),
        hasQuestion: question !== undefined,
        answered: answered !== undefined,
        choices: question?.choices.length ?? 0,
      });
      if (!action) return;
      event.preventDefault();
      if (action.kind === 'replay') replay();
      else if (action.kind === 'next') {
        if (!ask.isPending) newQuestion();
      } else {
        const picked = question?.choices[action.index];
        if (picked) choose(picked.id);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [question, answered, replay, newQuestion, choose, ask.isPending]);

  return (
    <>
      <h1>Ear training</h1>
      <p className="lead">
        Hear an interval, a chord, a melody or a rhythm, and name it or write it down. Every answer is
        explained; right answers in a row build your streak.
      </p>
      {fromPlan && (
        <p className="panel panel--notice">
          From <Link to="/learn">today’s plan</Link>: the kind and difficulty are set for you; tick the item
          off there when you are done.
        </p>
      )}
      <QuizSettings
        type={type}
        difficulty={difficulty}
        onType={setType}
        onDifficulty={setDifficulty}
        onAsk={newQuestion}
        busy={ask.isPending}
      />
      <ScoreBar score={score} onReset={() => setScore(NEW_SCORE)} />
      {ask.isError && (
        <ErrorPanel title="Could not get a question." error={ask.error} onRetry={newQuestion} />
      )}
      {question && asked && (
        <section
          ref={questionRef}
          tabIndex={-1}
          className="panel ear-question"
          aria-labelledby="ear-question-heading"
          aria-busy={ask.isPending}
        >
          <h2 id="ear-question-heading">
            Question {asked.number} · difficulty {question.difficulty}
          </h2>
          <p className="ear-prompt">{question.prompt}</p>
          {question.given.length > 0 && (
            <ul className="ear-given" aria-label="Given">
              {question.given.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
          <QuestionAudio
            key={`audio-${question.question_id}`}
            src={question.audio_urls.wav}
            audioRef={audioRef}
            onReplay={replay}
          />
          {isDictation(question.type) ? (
            <DictationEntry
              key={`entry-${question.question_id}`}
              type={question.type}
              given={question.given}
              startPitch={readFirstNote(question.given) ?? MIDDLE_C}
              notes={notes}
              onChange={setNotes}
              onSubmit={submitNotes}
              locked={locked}
              answered={answered !== undefined}
              busy={check.isPending}
            />
          ) : (
            <ChoiceButtons
              choices={question.choices}
              chosen={answered?.chosen}
              result={answered?.result}
              busy={check.isPending}
              onChoose={choose}
            />
          )}
          {check.isError && <ErrorPanel title="Could not check the answer." error={check.error} />}
        </section>
      )}
      {answered && (
        <AnswerFeedback
          result={answered.result}
          given={question?.given ?? []}
          onNext={newQuestion}
          nextRef={nextRef}
          busy={ask.isPending}
        />
      )}
      <p className="muted ear-keys">
        Keyboard: <kbd>1</kbd>–<kbd>9</kbd> pick a choice, <kbd>Space</kbd> plays the question again,{' '}
        <kbd>Enter</kbd> asks the next question.
      </p>
    </>
  );
}
