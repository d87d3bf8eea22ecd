import { formatRational, parseInterval } from '@cadenza/core';
import { RequestFieldError } from '../arrange/request/resolve-request.js';
import { chordQualityLabel } from './chord-question.js';
import { explainChord } from './explain-chord.js';
import { explainInterval, intervalWords } from './explain-interval.js';
import { gradeDictation, type DictationGrade } from './grade-dictation.js';
import { halfSteps, intervalLabel, noteName, valueName, withArticle } from './music-words.js';
import type { DictationNote, EarTrainingQuestion, StudentAnswer } from './question-types.js';

export interface AnswerCheck {
  readonly correct: boolean;
  /** The right answer in words: "minor sixth", "G4 quarter, A4 eighth, …". */
  readonly correctAnswer: string;
  /** The right choice id, for recognition questions. */
  readonly correctChoice: string | null;
  /** What a teacher would say. */
  readonly explanation: string;
  /** Note-by-note grading, for dictations. */
  readonly grading: DictationGrade | null;
}

/** "G4 quarter, A4 eighth, quarter rest". */
export function writeOutNotes(notes: readonly DictationNote[]): string {
  return notes
    .map((n) =>
      n.rest
        ? valueName(n.duration, true)
        : `${n.pitch ? `${noteName(n.pitch)} ` : ''}${valueName(n.duration)}`,
    )
    .join(', ');
}

/** "1 1/2 1/2 2" with rests in brackets: how a rhythm key reads compactly. */
export const rhythmText = (notes: readonly DictationNote[]): string =>
  notes.map((n) => (n.rest ? `(${formatRational(n.duration)})` : formatRational(n.duration))).join(' ');

function wrongChoiceNote(question: EarTrainingQuestion, choice: string): string {
  if (question.key.type === 'interval_recognition') {
    const iv = parseInterval(choice);
    return `You chose ${withArticle(intervalLabel(choice))} (${halfSteps(iv.semitones)}). `;
  }
  return `You chose ${withArticle(chordQualityLabel(choice))}. `;
}

function checkChoice(question: EarTrainingQuestion, answer: StudentAnswer): AnswerCheck {
  if (answer.kind !== 'choice') {
    throw new RequestFieldError('answer', 'this question is answered with one of its choice ids, not notes');
  }
  const ids = question.choices.map((c) => c.id);
  if (!ids.includes(answer.choice)) {
    throw new RequestFieldError(
      'answer',
      `'${answer.choice.slice(0, 40)}' is not one of this question's choices: ${ids.join(', ')}`,
    );
  }
  const key = question.key;
  if (key.type === 'interval_recognition') {
    const correct = answer.choice === key.answer;
    const explanation = explainInterval({
      name: key.answer,
      playback: key.playback,
      notes: key.notes,
      interval: key.interval,
    });
    return {
      correct,
      correctAnswer: intervalWords(key.interval),
      correctChoice: key.answer,
      explanation: correct
        ? `Yes! ${explanation}`
        : `${wrongChoiceNote(question, answer.choice)}${explanation}`,
      grading: null,
    };
  }
  if (key.type !== 'chord_quality') throw new Error('internal: not a recognition question');
  const correct = answer.choice === key.answer;
  const explanation = explainChord(key);
  return {
    correct,
    correctAnswer: chordQualityLabel(key.answer),
    correctChoice: key.answer,
    explanation: correct
      ? `Yes! ${explanation}`
      : `${wrongChoiceNote(question, answer.choice)}${explanation}`,
    grading: null,
  };
}

function summary(grade: DictationGrade, withPitch: boolean): string {
  const total = grade.notes.length;
  const right = grade.notes.filter((n) => n.correct).length;
  if (grade.allCorrect)
    return `All ${total} ${withPitch ? 'notes' : 'values'} right: pitches and rhythm exactly as played.`;
  const lines = [`${right} of ${total} right (score ${grade.score}).`];
  for (const n of grade.notes)
    if (n.comment) lines.push(`${withPitch ? 'Note' : 'Value'} ${n.index + 1}: ${n.comment}.`);
  if (grade.extra.length > 0)
    lines.push(
      `${grade.extra.length} extra ${grade.extra.length === 1 ? 'value' : 'values'} that the music did not have.`,
    );
  return lines.join(' ');
}

/**
 * Checks a student's answer: a choice for interval and chord questions (explained by the interval's
 * half steps and a tune to remember it, or the chord's thirds), written notes for dictations (graded
 * note by note). An answer of the wrong kind, or a choice the question did not offer, is a
 * RequestFieldError on `answer`.
 */
export function checkAnswer(question: EarTrainingQuestion, answer: StudentAnswer): AnswerCheck {
  const key = question.key;
  if (key.type === 'interval_recognition' || key.type === 'chord_quality')
    return checkChoice(question, answer);
  if (answer.kind !== 'notes') {
    throw new RequestFieldError(
      'answer',
      'a dictation is answered with the notes you wrote down, not a choice',
    );
  }
  const withPitch = key.type === 'melodic_dictation';
  const grading = gradeDictation(key.answer, answer.notes, { withPitch });
  return {
    correct: grading.allCorrect,
    correctAnswer: withPitch ? writeOutNotes(key.answer) : rhythmText(key.answer),
    correctChoice: null,
    explanation: summary(grading, withPitch),
    grading,
  };
}
