import {
  chroma,
  isMinorLike,
  keyFromFifths,
  keyScale,
  measureLength,
  mul,
  placeAtOrAbove,
  rat,
  realizeRomanNumeral,
  type Key,
  type Note,
  type Pitch,
  type PitchClass,
  type Rng,
  type TimeSignature,
} from '@cadenza/core';
import { levelRow, SIGHT_READING_LEVELS, type SightReadingLevel } from './difficulty-model.js';
import { keyWithMode, type ExerciseRequest } from './exercise-request.js';
import type { ExerciseBody } from './hand-layout.js';
import type { NoteValueName } from './note-values.js';
import { allowedCells, eventTimes, fillBar, finalValue, type RhythmEvent } from './rhythm-cells.js';
import { chooseMeter } from './rhythm-exercise.js';
import { stepsToPitches, walkMelody, WALK_STYLES } from './sight-reading-melody.js';
import { capital } from './scale-exercise.js';

const RHYTHM_FOCI = ['rhythm_reading', 'dotted_rhythms', 'syncopation', 'triplets', 'eighth_notes'];

function chooseSightKey(request: ExerciseRequest, level: SightReadingLevel, rng: Rng): Key {
  const minor = rng.chance(0.3);
  if (request.key) return keyWithMode(request.key, isMinorLike(request.key) ? 'minor' : 'major');
  const mode = minor ? 'minor' : 'major';
  if (request.subtype.name === 'key_signature_reading') {
    const most = Math.max(1, level.maxKeyFifths);
    return keyFromFifths(rng.chance(0.5) ? most : -most, mode);
  }
  return keyFromFifths(rng.int(-level.maxKeyFifths, level.maxKeyFifths), mode);
}

/** The pitch classes a reader meets in the key without an accidental of its own (minor: plus the raised 7th). */
export function keyPitchClasses(key: Key): PitchClass[] {
  const scale = keyScale(key);
  if (!isMinorLike(key)) return scale;
  const seventh = scale[6] as PitchClass;
  return [...scale, { step: seventh.step, alter: seventh.alter + 1 }];
}

/** Raises some notes that step up a whole tone to their next note (F–G → F♯–G): chromatic approach notes. */
function addAccidentals(pitches: Pitch[], bars: readonly number[], perBar: number, rng: Rng): Pitch[] {
  if (perBar === 0) return pitches;
  const used = new Map<number, number>();
  return pitches.map((p, i) => {
    const next = pitches[i + 1];
    const bar = bars[i] ?? 0;
    if (i === 0 || !next || (used.get(bar) ?? 0) >= perBar || !rng.chance(0.35)) return p;
    const stepUp =
      next.octave * 7 + 'CDEFGAB'.indexOf(next.step) - (p.octave * 7 + 'CDEFGAB'.indexOf(p.step)) === 1;
    const wholeTone = (chroma(next) - chroma(p) + 12) % 12 === 2;
    if (!stepUp || !wholeTone || p.alter >= 1) return p;
    used.set(bar, (used.get(bar) ?? 0) + 1);
    return { ...p, alter: p.alter + 1 };
  });
}

/** A left hand of chord roots, one per bar: I, IV or V (whichever holds most of the bar's melody). */
function bassLine(key: Key, melody: readonly Note[], bars: number, ts: TimeSignature): Note[] {
  const minor = isMinorLike(key);
  const chords = (minor ? ['i', 'iv', 'V'] : ['I', 'IV', 'V']).map((n) => realizeRomanNumeral(n, key));
  const measure = measureLength(ts);
  const out: Note[] = [];
  for (let b = 0; b < bars; b++) {
    const start = b * (measure.n / measure.d);
    const inBar = melody.filter((n) => {
      const at = n.position.n / n.position.d;
      return at >= start - 1e-9 && at < start + measure.n / measure.d - 1e-9;
    });
    const score = (i: number) =>
      inBar.filter((n) => chords[i]?.notes.some((pc) => chroma(pc) === chroma(n.pitch))).length;
    const choice =
      b === bars - 1 || b === 0 ? 0 : [0, 1, 2].reduce((a, c) => (score(c) > score(a) ? c : a), 0);
    const root = chords[choice]?.root ?? key.tonic;
    out.push({
      pitch: placeAtOrAbove(root, 43),
      position: mul(rat(b), measure),
      duration: measure,
      staff: 2,
      voice: 1,
    });
  }
  return out;
}

/** Sight reading: a melody in the key whose intervals, values, range and accidentals its level allows. */
export function sightReadingExercise(request: ExerciseRequest, rng: Rng): ExerciseBody {
  const level = levelRow(SIGHT_READING_LEVELS, request.difficulty);
  const subtype = request.subtype.name;
  const key = chooseSightKey(request, level, rng);
  const ts = chooseMeter(request, level.meters, false, rng);
  const bars = request.bars ?? (request.difficulty <= 3 ? 4 : 8);
  const cells = allowedCells(ts, level.noteValues, level.rests);
  const tail: NoteValueName | undefined = level.noteValues.includes(finalValue(ts))
    ? finalValue(ts)
    : undefined;
  const rhythm: RhythmEvent[][] = Array.from({ length: bars }, (_, b) =>
    fillBar(
      ts,
      cells,
      subtype === 'rhythm_reading' ? rng.pick(RHYTHM_FOCI) : 'plain',
      rng,
      b === bars - 1 ? tail : undefined,
    ),
  );
  const times = eventTimes(rhythm, ts);
  const low =
    level.rangeSteps > 7 ? -Math.floor(level.rangeSteps / 2) : -rng.int(0, Math.min(2, level.rangeSteps - 4));
  const steps = walkMelody({
    count: times.length,
    maxInterval: level.maxInterval,
    rangeSteps: level.rangeSteps,
    low,
    style: WALK_STYLES[subtype] ?? { stepChance: 0.6, leapChance: 0.3 },
    rng,
  });
  // Place the tonic so the middle of the melody's compass sits near G4 (small ranges) or B4 (the middle
  // of the treble staff), keeping ledger lines few.
  const middle = low + level.rangeSteps / 2;
  const tonicFloor = Math.round((level.rangeSteps <= 7 ? 67 : 71) - (middle * 12) / 7) - 6;
  const pitches = addAccidentals(
    stepsToPitches(steps, key, tonicFloor),
    times.map((t) => t.bar),
    level.accidentalsPerBar,
    rng,
  );
  const melody: Note[] = times.map((t, i) => ({
    pitch: pitches[i] as Pitch,
    position: t.position,
    duration: t.duration,
    staff: 1,
    voice: 1,
  }));
  const together = (request.hands ?? level.hands) === 'together';
  const notes = together ? [...melody, ...bassLine(key, melody, bars, ts)] : melody;
  const keyText = `${key.tonic.step}${key.tonic.alter > 0 ? '♯'.repeat(key.tonic.alter) : '♭'.repeat(-key.tonic.alter)} ${isMinorLike(key) ? 'minor' : 'major'}`;
  const label = subtype.replace(/_/g, ' ');
  const largest = ['unison', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'octave'][
    level.maxInterval
  ];
  return {
    key,
    timeSignature: ts,
    laid: { notes, fingering: [], bars },
    hands: together ? 'together' : 'right',
    title: `Sight reading (${label}) in ${keyText}`,
    description:
      `${capital(label)}: ${bars} bars in ${keyText}, ${ts.beats}/${ts.beatType}. Intervals up to a ${largest}, ` +
      `${noteValueList(level.noteValues)}${level.accidentalsPerBar > 0 ? `, up to ${level.accidentalsPerBar} accidental${level.accidentalsPerBar > 1 ? 's' : ''} a bar` : ''}` +
      `${together ? '; the left hand plays the chord roots' : ''}.`,
    detail: {
      maxInterval: level.maxInterval,
      rangeSteps: level.rangeSteps,
      accidentals: level.accidentalsPerBar,
    },
    layout: together ? 'piano' : 'treble',
    rhythm,
  };
}

const noteValueList = (values: readonly NoteValueName[]): string => `${values.join(', ')} notes`;
