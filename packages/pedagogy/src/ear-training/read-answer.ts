import { fromNumber, MusicError, parsePitch, parseRational, toNumber, type Rational } from '@cadenza/core';
import { RequestFieldError } from '../arrange/request/resolve-request.js';
import {
  isRecognitionType,
  type DictationNote,
  type EarTrainingType,
  type StudentAnswer,
} from './question-types.js';

/** The finest note value a dictation answer may name: a 48th of a quarter covers sixteenth triplets. */
const GRID = 48;

function readDuration(raw: unknown, field: string): Rational {
  let value: Rational;
  if (typeof raw === 'number' && Number.isFinite(raw)) {
    value = fromNumber(raw, GRID);
    if (Math.abs(toNumber(value) - raw) > 1e-3) {
      throw new RequestFieldError(
        field,
        `${raw} quarter notes is not a note value; write it as a fraction such as "1/3"`,
      );
    }
  } else if (typeof raw === 'string') {
    try {
      value = parseRational(raw);
    } catch {
      throw new RequestFieldError(
        field,
        `'${raw.slice(0, 40)}' is not a length in quarter notes such as "1", "1/2" or "3/2"`,
      );
    }
  } else {
    throw new RequestFieldError(
      field,
      'give the length in quarter notes: 1 = quarter, 1/2 = eighth, 3/2 = dotted quarter',
    );
  }
  if (value.n <= 0 || toNumber(value) > 16) {
    throw new RequestFieldError(field, 'a note value must be longer than 0 and at most 16 quarter notes');
  }
  return value;
}

function readNote(raw: unknown, field: string, withPitch: boolean): DictationNote {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new RequestFieldError(
      field,
      withPitch
        ? 'each note is { "pitch": "G4", "duration": "1" }'
        : 'each value is { "duration": "1/2" } or { "duration": "1", "rest": true }',
    );
  }
  const note = raw as { pitch?: unknown; duration?: unknown; rest?: unknown };
  const duration = readDuration(note.duration, `${field}.duration`);
  const rest = note.rest === true;
  if (note.rest !== undefined && typeof note.rest !== 'boolean')
    throw new RequestFieldError(`${field}.rest`, 'rest is true or false');
  if (rest || !withPitch) return rest ? { duration, rest: true } : { duration };
  if (typeof note.pitch !== 'string') {
    throw new RequestFieldError(
      `${field}.pitch`,
      'every note of a melodic dictation needs a pitch such as "F#4"',
    );
  }
  try {
    return { pitch: parsePitch(note.pitch), duration };
  } catch (error) {
    throw new RequestFieldError(
      `${field}.pitch`,
      error instanceof MusicError ? error.message : 'not a note name',
    );
  }
}

/**
 * A student's answer as sent (JSON): a choice id for interval and chord questions, a list of
 * `{ pitch?, duration, rest? }` for dictations (durations in quarter notes: "1/2", 1.5). Bad shapes are
 * RequestFieldErrors naming the field, e.g. `answer.2.pitch`.
 */
export function readStudentAnswer(type: EarTrainingType, raw: unknown): StudentAnswer {
  if (isRecognitionType(type)) {
    if (typeof raw !== 'string' || raw.trim() === '') {
      throw new RequestFieldError(
        'answer',
        'this question is answered with one of its choice ids, e.g. "m3"',
      );
    }
    return { kind: 'choice', choice: raw.trim() };
  }
  if (!Array.isArray(raw)) {
    throw new RequestFieldError(
      'answer',
      'a dictation is answered with a list of notes, e.g. [{ "pitch": "C4", "duration": "1" }]',
    );
  }
  if (raw.length > 256) throw new RequestFieldError('answer', 'at most 256 notes');
  const withPitch = type === 'melodic_dictation';
  return { kind: 'notes', notes: raw.map((n, i) => readNote(n, `answer.${i}`, withPitch)) };
}
