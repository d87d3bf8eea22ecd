import { describe, expect, it } from 'vitest';
import {
  answerNotes,
  barStarts,
  enteredWords,
  expectedLength,
  lengthName,
  NOTE_LENGTHS,
  noteWords,
  pitchLabel,
  pitchText,
  readFirstNote,
  readPitch,
  totalLength,
  type EnteredNote,
} from '../src/pages/ear-training/note-entry.js';
import { quizKeyAction, type QuizKeyContext } from '../src/pages/ear-training/quiz-keys.js';
import { NEW_SCORE, readSavedScore, recordAnswer, scoreWords } from '../src/pages/ear-training/quiz-score.js';
import { QUESTION_TYPES } from '../src/pages/ear-training/question-types.js';
import { EAR_TRAINING_QUESTION_TYPES } from '@cadenza/contracts';

describe('the ear-training score and streak', () => {
  it('counts answers, extends the streak on right answers, ends it on a wrong one and keeps the best', () => {
    const answers = [true, true, false, true, true, true, false];
    const scores = answers.reduce((all, right) => [...all, recordAnswer(all.at(-1)!, right)], [NEW_SCORE]);
    expect(scores.map((s) => s.streak)).toEqual([0, 1, 2, 0, 1, 2, 3, 0]);
    expect(scores.map((s) => s.best)).toEqual([0, 1, 2, 2, 2, 2, 3, 3]);
    expect(scores.at(-1)).toEqual({ asked: 7, correct: 5, streak: 0, best: 3 });
  });

  it('says the score in words', () => {
    expect(scoreWords(NEW_SCORE)).toBe('No answers yet');
    expect(scoreWords({ asked: 3, correct: 2, streak: 0, best: 2 })).toBe('2 of 3 right (67 %)');
  });

  it('reads a saved score back, and starts afresh from anything that does not add up', () => {
    const saved = { asked: 5, correct: 4, streak: 2, best: 3 };
    expect(readSavedScore(JSON.stringify(saved))).toEqual(saved);
    expect(readSavedScore(null)).toEqual(NEW_SCORE);
    expect(readSavedScore('{not json')).toEqual(NEW_SCORE);
    expect(readSavedScore('[1,2]')).toEqual(NEW_SCORE);
    expect(readSavedScore(JSON.stringify({ ...saved, correct: 6 }))).toEqual(NEW_SCORE);
    expect(readSavedScore(JSON.stringify({ ...saved, streak: 4 }))).toEqual(NEW_SCORE);
    expect(readSavedScore(JSON.stringify({ ...saved, best: 1.5 }))).toEqual(NEW_SCORE);
    expect(readSavedScore(JSON.stringify({ ...saved, asked: -1 }))).toEqual(NEW_SCORE);
  });
});

describe('the quiz keyboard', () => {
  const base: QuizKeyContext = {
    key: '1',
    modifier: false,
    target: 'other',
    hasQuestion: true,
    answered: false,
    choices: 4,
  };
  const action = (changes: Partial<QuizKeyContext>) => quizKeyAction({ ...base, ...changes });

  it('1–9 pick a choice that exists, before answering only', () => {
    expect(action({ key: '1' })).toEqual({ kind: 'choose', index: 0 });
    expect(action({ key: '4' })).toEqual({ kind: 'choose', index: 3 });
    expect(action({ key: '5' })).toBeUndefined();
    expect(action({ key: '0' })).toBeUndefined();
    expect(action({ key: '2', answered: true })).toBeUndefined();
    expect(action({ key: '2', choices: 0 })).toBeUndefined();
    expect(action({ key: '2', target: 'button' })).toEqual({ kind: 'choose', index: 1 });
  });

  it('Space replays the question, also from a focused button, never from a text field or link', () => {
    expect(action({ key: ' ' })).toEqual({ kind: 'replay' });
    expect(action({ key: ' ', target: 'button', answered: true })).toEqual({ kind: 'replay' });
    expect(action({ key: ' ', target: 'text' })).toBeUndefined();
    expect(action({ key: ' ', target: 'link' })).toBeUndefined();
    expect(action({ key: ' ', hasQuestion: false })).toBeUndefined();
  });

  it('Enter asks the next question once answered (or first), leaving focused buttons their own Enter', () => {
    expect(action({ key: 'Enter', answered: true })).toEqual({ kind: 'next' });
    expect(action({ key: 'Enter', hasQuestion: false })).toEqual({ kind: 'next' });
    expect(action({ key: 'Enter' })).toBeUndefined();
    expect(action({ key: 'Enter', answered: true, target: 'button' })).toBeUndefined();
    expect(action({ key: 'Enter', answered: true, target: 'link' })).toBeUndefined();
  });

  it('leaves keys with Ctrl/Alt/Meta and keys typed into fields alone', () => {
    expect(action({ key: '1', modifier: true })).toBeUndefined();
    expect(action({ key: '1', target: 'text' })).toBeUndefined();
    expect(action({ key: 'Enter', answered: true, target: 'text' })).toBeUndefined();
    expect(action({ key: 'a' })).toBeUndefined();
  });
});

describe('writing a dictation down', () => {
  it('spells pitches for the API (ASCII) and for people (♯ ♭)', () => {
    expect(pitchText({ letter: 'F', accidental: '#', octave: 4 })).toBe('F#4');
    expect(pitchText({ letter: 'B', accidental: 'b', octave: 3 })).toBe('Bb3');
    expect(pitchText({ letter: 'C', accidental: '', octave: 5 })).toBe('C5');
    expect(pitchLabel({ letter: 'E', accidental: 'b', octave: 4 })).toBe('E♭4');
    expect(pitchLabel({ letter: 'G', accidental: '#', octave: 2 })).toBe('G♯2');
  });

  it('reads the pitches the server writes, and the first note a melody gives away', () => {
    expect(readPitch('E♭4')).toEqual({ letter: 'E', accidental: 'b', octave: 4 });
    expect(readPitch('F♯5')).toEqual({ letter: 'F', accidental: '#', octave: 5 });
    expect(readPitch('A3')).toEqual({ letter: 'A', accidental: '', octave: 3 });
    expect(readPitch('H4')).toBeUndefined();
    expect(readPitch('C𝄪4')).toBeUndefined();
    expect(readFirstNote(['key B♭ major', 'time signature 3/4', '2 bars', 'first note D5'])).toEqual({
      letter: 'D',
      accidental: '',
      octave: 5,
    });
    expect(readFirstNote(['time signature 4/4', '1 bar'])).toBeUndefined();
  });

  it('sends melodic notes with pitch and duration, rhythm values with duration and rests', () => {
    const notes: EnteredNote[] = [
      { pitch: { letter: 'G', accidental: '', octave: 4 }, duration: '1', rest: false },
      { pitch: { letter: 'F', accidental: '#', octave: 4 }, duration: '1/2', rest: false },
      { duration: '1/2', rest: true },
    ];
    expect(answerNotes('melodic_dictation', notes)).toEqual([
      { pitch: 'G4', duration: '1' },
      { pitch: 'F#4', duration: '1/2' },
      { duration: '1/2', rest: true },
    ]);
    expect(answerNotes('rhythm_dictation', notes)).toEqual([
      { duration: '1' },
      { duration: '1/2' },
      { duration: '1/2', rest: true },
    ]);
  });

  it('names note values and notes in words', () => {
    expect(lengthName('3/2')).toBe('dotted quarter');
    expect(lengthName('1/3')).toBe('triplet eighth');
    expect(lengthName('5/4')).toBe('5/4 quarter notes');
    expect(noteWords({ pitch: 'B♭4', duration: '1/2', rest: false })).toBe('B♭4 eighth');
    expect(noteWords({ pitch: null, duration: '1', rest: true })).toBe('quarter rest');
    expect(noteWords({ pitch: null, duration: '3', rest: false })).toBe('dotted half');
    expect(
      enteredWords({ pitch: { letter: 'C', accidental: '#', octave: 5 }, duration: '4', rest: false }),
    ).toBe('C♯5 whole');
    // Every button's value is a distinct note length the API reads as a fraction of a quarter note.
    expect(new Set(NOTE_LENGTHS.map((l) => l.duration)).size).toBe(NOTE_LENGTHS.length);
    for (const { duration } of NOTE_LENGTHS) expect(duration).toMatch(/^\d+(\/\d+)?$/);
  });

  it('adds up the written length exactly, triplets included, and the length the question asks for', () => {
    expect(totalLength([])).toBe('0');
    expect(totalLength([{ duration: '1/3' }, { duration: '1/3' }, { duration: '1/3' }])).toBe('1');
    expect(totalLength([{ duration: '3/2' }, { duration: '1/2' }, { duration: '3/4' }])).toBe('11/4');
    expect(expectedLength(['time signature 3/4', '2 bars'])).toBe('6');
    expect(expectedLength(['time signature 6/8', '1 bar', 'count-in: 2 clicks'])).toBe('3');
    expect(expectedLength(['time signature 6/8', '3 bars'])).toBe('9');
    expect(expectedLength(['time signature 5/8', '1 bar'])).toBe('5/2');
    expect(expectedLength(['2 bars'])).toBeUndefined();
  });

  it('finds the notes that begin a bar, for the bar lines between written notes', () => {
    const values = (...durations: string[]) => durations.map((duration) => ({ duration }));
    const fourFour = ['time signature 4/4', '2 bars'];
    expect([...barStarts(values('2', '1', '1', '1', '1', '2'), fourFour)]).toEqual([3]);
    // A note held over the bar line starts no bar; the one after it neither.
    expect([...barStarts(values('3', '2', '3'), fourFour)]).toEqual([]);
    // Triplets add up exactly: three 1/3 make a beat.
    expect([...barStarts(values('1/3', '1/3', '1/3', '1', '1', '1', '4'), fourFour)]).toEqual([6]);
    expect([...barStarts(values('3/2', '3/2', '1/2', '1/2', '1/2'), ['time signature 6/8'])]).toEqual([2]);
    expect([...barStarts(values('1', '1'), ['2 bars'])]).toEqual([]);
  });

  it('offers every question type the API has', () => {
    expect(QUESTION_TYPES.map((t) => t.value)).toEqual([...EAR_TRAINING_QUESTION_TYPES]);
  });
});
