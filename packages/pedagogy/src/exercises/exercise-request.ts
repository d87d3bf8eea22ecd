import {
  keyName,
  keySignatureFifths,
  MusicError,
  parseKey,
  parsePitchClass,
  parseTimeSignature,
  type Key,
  type TimeSignature,
} from '@cadenza/core';
import { RequestFieldError } from '../arrange/request/resolve-request.js';
import { LEVELS, type Hands, type Level } from './difficulty-model.js';
import {
  findSkillType,
  findSubtype,
  SKILL_TYPES,
  subtypesOf,
  type GeneratedSkillType,
  type ResolvedSubtype,
} from './exercise-catalogue.js';

/** What a user asked for, as the API and CLI receive it (the spec's fields, camel-cased). */
export interface ExerciseFields {
  /** "scales", "arpeggios", "chord_progressions" (or "chords"), "rhythm", "sight_reading". */
  readonly skillType: string;
  /** A subtype of EXERCISE_TYPES; for scales also any of the 32 scales. Default: the first (scales: from the key's mode). */
  readonly subtype?: string;
  /** 1–10; default 3. */
  readonly difficulty?: number;
  /** "C", "Am", "F#", "Bb minor"; default: a key the difficulty allows, chosen by the seed. */
  readonly keySignature?: string;
  /** Bars of music; default: one full pass of the exercise. */
  readonly durationBars?: number;
  /** Quarter notes per minute; default: the difficulty's tempo. */
  readonly tempo?: number;
  /** "3/4", "6/8" (rhythm and sight reading); default: chosen from the difficulty's meters. */
  readonly timeSignature?: string;
  /**
   * Free words: a subtype name ("triplets") when no subtype is given; "hands separately", "hands together",
   * "right hand", "left hand" for scales and arpeggios; "percussion" for a rhythm on a percussion staff.
   */
  readonly specialFocus?: string;
  readonly includeSheetMusic?: boolean;
  /** Start the audio with one bar of clicks. */
  readonly countIn?: boolean;
  /** Arpeggios: play only this inversion (0 root position, 1 first, 2 second, 3 third for sevenths). */
  readonly inversion?: number;
  readonly seed?: number;
}

/** A request the generators can use: every field checked and read. */
export interface ExerciseRequest {
  readonly skill: GeneratedSkillType;
  readonly subtype: ResolvedSubtype;
  readonly difficulty: Level;
  /** The key asked for, if any (a generator keeps its tonic and may change its mode to fit the subtype). */
  readonly key?: Key;
  readonly bars?: number;
  readonly tempo?: number;
  readonly timeSignature?: TimeSignature;
  readonly specialFocus?: string;
  /** Hands forced by the special focus, or by a one-hand exercise. */
  readonly hands?: Hands | 'left';
  readonly percussion: boolean;
  readonly includeSheetMusic: boolean;
  readonly countIn: boolean;
  readonly inversion?: number;
  readonly seed: number;
}

export const MAX_EXERCISE_BARS = 128;
export const TEMPO_RANGE = [20, 300] as const;
export const DEFAULT_DIFFICULTY = 3;

function readSkill(text: string): GeneratedSkillType {
  const skill = findSkillType(text);
  if (skill === 'ear_training') {
    throw new RequestFieldError(
      'skill_type',
      'ear-training questions come from the ear-training quiz (POST /ear-training/questions), not the exercise generator',
      text,
    );
  }
  if (!skill) {
    throw new RequestFieldError(
      'skill_type',
      `'${text}' is not an exercise type: use one of ${SKILL_TYPES.filter((s) => s !== 'ear_training').join(', ')}`,
      text,
    );
  }
  return skill;
}

function readSubtype(skill: GeneratedSkillType, fields: ExerciseFields): ResolvedSubtype {
  if (fields.subtype !== undefined && fields.subtype.trim() !== '') {
    const found = findSubtype(skill, fields.subtype);
    if (!found) {
      const extra = skill === 'scales' ? ', or any of the 32 scales (dorian, blues, …)' : '';
      throw new RequestFieldError(
        'subtype',
        `'${fields.subtype}' is not a ${skill} exercise: use ${subtypesOf(skill).join(', ')}${extra}`,
        fields.subtype,
      );
    }
    return found;
  }
  const fromFocus = fields.specialFocus ? findSubtype(skill, fields.specialFocus) : undefined;
  if (fromFocus) return fromFocus;
  if (skill === 'scales' && fields.keySignature && /m(in(or)?)?$/i.test(fields.keySignature.trim())) {
    return { name: 'minor_harmonic' };
  }
  return { name: subtypesOf(skill)[0] as string };
}

function readDifficulty(value: number | undefined): Level {
  const d = value ?? DEFAULT_DIFFICULTY;
  if (!Number.isInteger(d) || !LEVELS.includes(d as Level)) {
    throw new RequestFieldError('difficulty', `must be a whole number from 1 to 10, got ${d}`);
  }
  return d as Level;
}

function readKey(text: string | undefined): Key | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  try {
    return parseKey(text);
  } catch (error) {
    if (!(error instanceof MusicError)) throw error;
    // A bare tonic whose major key is impossible (G♯, D♯) is still a tonic: the subtype picks the mode
    // (G♯ harmonic minor), and `keyWithMode` refuses the combination if it still needs 8+ accidentals.
    try {
      return { tonic: parsePitchClass(text.trim()), mode: 'major' };
    } catch {
      throw new RequestFieldError('key_signature', error.message, text);
    }
  }
}

function readHands(focus: string | undefined): Hands | 'left' | undefined {
  const f = focus?.toLowerCase() ?? '';
  if (/hands? separate/.test(f)) return 'separate';
  if (/hands? together|both hands/.test(f)) return 'together';
  if (/left hand/.test(f)) return 'left';
  if (/right hand/.test(f)) return 'right';
  return undefined;
}

/** Checks and reads every field; anything unusable is a `RequestFieldError` naming the spec's field. */
export function resolveExerciseRequest(fields: ExerciseFields): ExerciseRequest {
  const skill = readSkill(fields.skillType);
  const subtype = readSubtype(skill, fields);
  const difficulty = readDifficulty(fields.difficulty);
  const key = readKey(fields.keySignature);
  const bars = fields.durationBars;
  if (bars !== undefined && (!Number.isInteger(bars) || bars < 1 || bars > MAX_EXERCISE_BARS)) {
    throw new RequestFieldError(
      'duration_bars',
      `must be a whole number from 1 to ${MAX_EXERCISE_BARS}, got ${bars}`,
    );
  }
  const tempo = fields.tempo;
  if (
    tempo !== undefined &&
    !(Number.isFinite(tempo) && tempo >= TEMPO_RANGE[0] && tempo <= TEMPO_RANGE[1])
  ) {
    throw new RequestFieldError(
      'tempo',
      `must be from ${TEMPO_RANGE[0]} to ${TEMPO_RANGE[1]} quarter notes per minute, got ${tempo}`,
    );
  }
  let timeSignature: TimeSignature | undefined;
  if (fields.timeSignature !== undefined) {
    try {
      timeSignature = parseTimeSignature(fields.timeSignature);
    } catch (error) {
      if (error instanceof MusicError) {
        throw new RequestFieldError('time_signature', error.message, fields.timeSignature);
      }
      throw error;
    }
    if (![2, 3, 4, 6].includes(timeSignature.beats) || ![4, 8].includes(timeSignature.beatType)) {
      throw new RequestFieldError(
        'time_signature',
        `exercises are written in 2/4, 3/4, 4/4 or 6/8, got ${fields.timeSignature}`,
      );
    }
  }
  const inversion = fields.inversion;
  if (inversion !== undefined && (!Number.isInteger(inversion) || inversion < 0 || inversion > 3)) {
    throw new RequestFieldError(
      'inversion',
      `must be 0 (root position) to 3 (third inversion), got ${inversion}`,
    );
  }
  const seed = fields.seed ?? 1;
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new RequestFieldError('seed', `must be a whole number of at least 0, got ${seed}`);
  }
  const hands = readHands(fields.specialFocus);
  return {
    skill,
    subtype,
    difficulty,
    ...(key ? { key } : {}),
    ...(bars !== undefined ? { bars } : {}),
    ...(tempo !== undefined ? { tempo } : {}),
    ...(timeSignature ? { timeSignature } : {}),
    ...(fields.specialFocus ? { specialFocus: fields.specialFocus } : {}),
    ...(hands ? { hands } : {}),
    percussion: /percussion|drum|clap/i.test(fields.specialFocus ?? ''),
    includeSheetMusic: fields.includeSheetMusic ?? true,
    countIn: fields.countIn ?? false,
    ...(inversion !== undefined ? { inversion } : {}),
    seed,
  };
}

/** The key with the tonic asked for and the mode the exercise needs; more than 7 sharps or flats is refused. */
export function keyWithMode(key: Key, mode: Key['mode']): Key {
  const wanted: Key = { tonic: key.tonic, mode };
  if (Math.abs(keySignatureFifths(wanted)) > 7) {
    throw new RequestFieldError(
      'key_signature',
      `${keyName(wanted)} would need more than 7 sharps or flats; ask for its enharmonic key`,
    );
  }
  return wanted;
}

/** A request's problem with its length, worded like the others. */
export function barsTooFew(needed: number, what: string): RequestFieldError {
  return new RequestFieldError('duration_bars', `${what} needs at least ${needed} bars`);
}
