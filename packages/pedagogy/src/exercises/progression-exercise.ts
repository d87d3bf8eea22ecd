import {
  isMinorLike,
  measureLength,
  mul,
  rat,
  realizeRomanNumeral,
  sub,
  toNumber,
  type Chord,
  type Key,
  type Note,
  type Rng,
} from '@cadenza/core';
import { levelRow, PROGRESSION_LEVELS, type ProgressionLevel } from './difficulty-model.js';
import { chooseKey } from './exercise-key.js';
import { barsTooFew, type ExerciseRequest } from './exercise-request.js';
import type { VoicedChord } from './exercise-types.js';
import type { ExerciseBody } from './hand-layout.js';
import { NOTE_VALUES } from './note-values.js';
import { voiceProgression } from './progression-voicing.js';

type Variant = 'plain' | 'sevenths' | 'inversions' | 'both';

/** Roman numerals per subtype, major and minor key, for triads / sevenths / inversions / both. */
const NUMERALS: Readonly<
  Record<string, Readonly<Record<'major' | 'minor', Readonly<Record<Variant, string>>>>>
> = {
  I_IV_V_I: {
    major: { plain: 'I IV V I', sevenths: 'I IV V7 I', inversions: 'I IV64 V6 I', both: 'I IV64 V65 I' },
    minor: { plain: 'i iv V i', sevenths: 'i iv V7 i', inversions: 'i iv64 V6 i', both: 'i iv64 V65 i' },
  },
  ii_V_I: {
    major: { plain: 'ii V I', sevenths: 'ii7 V7 Imaj7', inversions: 'ii6 V I', both: 'ii65 V7 I' },
    minor: { plain: 'ii° V i', sevenths: 'iiø7 V7 i', inversions: 'ii°6 V i', both: 'iiø65 V7 i' },
  },
  I_vi_IV_V: {
    major: { plain: 'I vi IV V', sevenths: 'I vi7 IV V7', inversions: 'I vi IV6 V', both: 'I vi7 IV V65' },
    minor: { plain: 'i VI iv V', sevenths: 'i VI iv7 V7', inversions: 'i VI iv6 V', both: 'i VI iv7 V65' },
  },
  circle_of_fifths: {
    major: {
      plain: 'I IV vii° iii vi ii V I',
      sevenths: 'Imaj7 IVmaj7 viiø7 iii7 vi7 ii7 V7 I',
      inversions: 'I IV vii°6 iii vi ii6 V I',
      both: 'Imaj7 IVmaj7 viiø7 iii7 vi7 ii65 V7 I',
    },
    minor: {
      plain: 'i iv VII III VI ii° V i',
      sevenths: 'i7 iv7 VII7 IIImaj7 VImaj7 iiø7 V7 i',
      inversions: 'i iv VII III VI ii°6 V i',
      both: 'i7 iv7 VII7 IIImaj7 VImaj7 iiø65 V7 i',
    },
  },
};

function variantFor(level: ProgressionLevel): Variant {
  if (level.sevenths && level.inversions) return 'both';
  if (level.sevenths) return 'sevenths';
  return level.inversions ? 'inversions' : 'plain';
}

/** The numerals of one pass, ending on the tonic (a progression that stops on V gets its I). */
export function progressionNumerals(subtype: string, key: Key, level: ProgressionLevel): string[] {
  const table = NUMERALS[subtype] ?? NUMERALS['I_IV_V_I'];
  const list = (table?.[isMinorLike(key) ? 'minor' : 'major'][variantFor(level)] ?? '').split(' ');
  return list;
}

/** Chord progressions: block chords, left-hand bass and three right-hand notes, voice-led. */
export function progressionExercise(request: ExerciseRequest, rng: Rng): ExerciseBody {
  const level = levelRow(PROGRESSION_LEVELS, request.difficulty);
  const mode = request.key && isMinorLike(request.key) ? 'minor' : 'major';
  const key = chooseKey(request, mode, level.maxKeyFifths, rng);
  const ts = request.timeSignature ?? { beats: 4, beatType: 4 };
  const measure = measureLength(ts);
  const value = NOTE_VALUES[level.chordValue];
  const cycle = progressionNumerals(request.subtype.name, key, level);
  const endsOnTonic = /^(I|i)(maj7|7)?$/.test(cycle[cycle.length - 1] ?? '');
  const cycleLength = toNumber(value) * cycle.length;
  const finalLength = endsOnTonic ? 0 : toNumber(value);
  const barLength = toNumber(measure);
  const minimumBars = Math.ceil((cycleLength + finalLength) / barLength - 1e-9);
  const bars = request.bars ?? minimumBars;
  if (bars < minimumBars) throw barsTooFew(minimumBars, `one pass of ${cycle.join('–')} at this difficulty`);
  const cycles = Math.max(1, Math.floor((bars * barLength - finalLength) / cycleLength + 1e-9));
  const numerals = Array.from({ length: cycles }, () => cycle).flat();
  if (!endsOnTonic) numerals.push(isMinorLike(key) ? 'i' : 'I');
  const chords: Chord[] = numerals.map((n) => realizeRomanNumeral(n, key));
  const voiced = voiceProgression(chords);
  const end = mul(rat(bars), measure);
  const notes: Note[] = [];
  const placed: VoicedChord[] = [];
  voiced.forEach((v, i) => {
    const position = mul(rat(i), value);
    const duration = i === voiced.length - 1 ? sub(end, position) : value;
    for (const pitch of v.upper) notes.push({ pitch, position, duration, staff: 1, voice: 1 });
    notes.push({ pitch: v.bass, position, duration, staff: 2, voice: 1 });
    placed.push({
      numeral: numerals[i] ?? '',
      symbol: chords[i]?.symbol ?? '',
      position,
      duration,
      bass: v.bass,
      upper: v.upper,
    });
  });
  const names = cycle.join('–');
  const tonic = `${key.tonic.step}${key.tonic.alter > 0 ? '♯'.repeat(key.tonic.alter) : '♭'.repeat(-key.tonic.alter)}`;
  const keyText = `${tonic} ${isMinorLike(key) ? 'minor' : 'major'}`;
  return {
    key,
    timeSignature: ts,
    laid: { notes, fingering: [], bars },
    hands: 'together',
    title: `${names} in ${keyText}`,
    description:
      `${names} in ${keyText}, ${cycles > 1 ? `${cycles} times, ` : ''}${level.chordValue} notes per chord: ` +
      `the left hand plays the bass, the right hand three close chord notes that move to the nearest notes of the next chord.`,
    detail: {
      chordValue: level.chordValue,
      sevenths: level.sevenths,
      inversions: level.inversions,
      chords: numerals.length,
    },
    chords: placed,
    layout: 'piano',
  };
}
