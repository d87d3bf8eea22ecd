import { MusicError } from '../errors.js';
import {
  fifthsOf,
  parsePitchClass,
  pitchClassFromFifths,
  pitchClassName,
  type PitchClass,
} from '../pitch/pitch.js';

/** The church modes plus the two everyday names for Ionian and Aeolian. */
export const MODES = [
  'major',
  'minor',
  'ionian',
  'dorian',
  'phrygian',
  'lydian',
  'mixolydian',
  'aeolian',
  'locrian',
] as const;
export type Mode = (typeof MODES)[number];

/** A key: a tonic and a mode. B♭ minor is `{ tonic: {step:'B', alter:-1}, mode: 'minor' }`. */
export interface Key {
  readonly tonic: PitchClass;
  readonly mode: Mode;
}

/** Fifths from the key-signature's major tonic up to this mode's tonic (D dorian: 2 above C). */
const MODE_OFFSET: Record<Mode, number> = {
  major: 0,
  ionian: 0,
  lydian: -1,
  mixolydian: 1,
  dorian: 2,
  minor: 3,
  aeolian: 3,
  phrygian: 4,
  locrian: 5,
};

/** Number of sharps (positive) or flats (negative) in the key signature: E♭ major → -3, C♯ minor → 4. */
export function keySignatureFifths(key: Key): number {
  return fifthsOf(key.tonic) - MODE_OFFSET[key.mode];
}

/** The key with this signature and mode: (-3, 'minor') → C minor. */
export function keyFromFifths(fifths: number, mode: Mode = 'major'): Key {
  return { tonic: pitchClassFromFifths(fifths + MODE_OFFSET[mode]), mode };
}

export const isMinorLike = (key: Key): boolean =>
  key.mode === 'minor' || key.mode === 'aeolian' || key.mode === 'dorian' || key.mode === 'phrygian';

/** Relative key: C major ↔ A minor. Modes map to the major key that shares their signature. */
export function relativeKey(key: Key): Key {
  const f = keySignatureFifths(key);
  return key.mode === 'major' || key.mode === 'ionian'
    ? keyFromFifths(f, 'minor')
    : keyFromFifths(f, 'major');
}

/** Parallel key: C major ↔ C minor. */
export function parallelKey(key: Key): Key {
  return { tonic: key.tonic, mode: key.mode === 'major' || key.mode === 'ionian' ? 'minor' : 'major' };
}

/** The seven spelled pitch classes of the key's mode, from the tonic. Minor means natural minor. */
export function keyScale(key: Key): PitchClass[] {
  const sig = keySignatureFifths(key);
  // The seven notes of the signature are fifths sig-1 … sig+5; order them from the tonic by letter.
  const notes = Array.from({ length: 7 }, (_, i) => pitchClassFromFifths(sig - 1 + i));
  const letters = ['C', 'D', 'E', 'F', 'G', 'A', 'B'];
  const start = letters.indexOf(key.tonic.step);
  return Array.from({ length: 7 }, (_, i) => {
    const letter = letters[(start + i) % 7];
    const found = notes.find((n) => n.step === letter);
    if (!found) throw new Error(`internal: no ${letter} in key signature ${sig}`);
    return found;
  });
}

export function keyName(key: Key, unicode = false): string {
  return `${pitchClassName(key.tonic, unicode)} ${key.mode}`;
}

/**
 * Parses "C", "Bb major", "F# minor", "F#m", "Ebm", "key of Eb", "D dorian", "c minor".
 * A bare tonic means major.
 */
export function parseKey(text: string): Key {
  const t = text
    .trim()
    .replace(/^key of\s+/i, '')
    .replace(/\s+/g, ' ');
  const m = /^([A-Ga-g](?:#{1,2}|b{1,2}|♯|♭)?)\s*(m|min|maj|major|minor|[a-z]+)?$/i.exec(t);
  if (!m) {
    throw new MusicError(
      `'${text}' is not a key: write a tonic and a mode, e.g. 'Bb major', 'F# minor' or 'D dorian'`,
      text,
    );
  }
  const tonicText = m[1] as string;
  const tonic = parsePitchClass(tonicText[0]?.toUpperCase() + tonicText.slice(1));
  const modeText = (m[2] ?? 'major').toLowerCase();
  const alias: Record<string, Mode> = { m: 'minor', min: 'minor', maj: 'major' };
  const mode: Mode | undefined =
    alias[modeText] ?? ((MODES as readonly string[]).includes(modeText) ? (modeText as Mode) : undefined);
  if (!mode) {
    throw new MusicError(
      `'${m[2]}' is not a mode: use major, minor, dorian, phrygian, lydian, mixolydian, aeolian or locrian`,
      text,
    );
  }
  const key = { tonic, mode };
  if (Math.abs(keySignatureFifths(key)) > 7) {
    throw new MusicError(
      `${keyName(key)} would need more than 7 sharps or flats; use its enharmonic key`,
      text,
    );
  }
  return key;
}
