import {
  isMinorLike,
  keyFromFifths,
  keyName,
  keySignatureFifths,
  MusicError,
  parseKey,
  type Key,
} from '@cadenza/core';

/**
 * Keys in MIDI. The key-signature meta event holds only sharps/flats (-7…7) and a major/minor flag.
 * A church mode is written as its signature with the flag of the mode's colour (dorian, phrygian,
 * aeolian → minor; lydian, mixolydian, locrian, ionian → major), so other software shows the right
 * accidentals and a plausible tonic (D dorian reads elsewhere as A minor: same signature, relative key).
 * To keep the real mode, the writer adds a text event "Key: D dorian" at the same tick, and the
 * reader trusts it when it agrees with the signature.
 */
export interface MidiKeySignature {
  /** Sharps (positive) or flats (negative). */
  readonly sharpsFlats: number;
  readonly minor: boolean;
  /** Text to store beside the signature when the mode is neither major nor minor. */
  readonly modeText?: string;
}

const KEY_TEXT_PREFIX = 'Key: ';

/** Whether a text event is the writer's mode note ("Key: D dorian"). */
export const isKeyText = (text: string): boolean => text.startsWith(KEY_TEXT_PREFIX);

export function keyToMidiSignature(key: Key): MidiKeySignature {
  const sharpsFlats = keySignatureFifths(key);
  if (Math.abs(sharpsFlats) > 7) {
    throw new MusicError(
      `${keyName(key)} needs ${Math.abs(sharpsFlats)} ${sharpsFlats > 0 ? 'sharps' : 'flats'}; a MIDI key signature holds at most 7: use the enharmonic key`,
    );
  }
  const minor = isMinorLike(key);
  const plain = key.mode === 'major' || key.mode === 'minor';
  return { sharpsFlats, minor, ...(plain ? {} : { modeText: KEY_TEXT_PREFIX + keyName(key) }) };
}

/**
 * The key of a MIDI key signature; `modeText` is a text event found at the same tick, used only when
 * it names a key with this very signature (so a stray text cannot change the accidentals).
 */
export function keyFromMidiSignature(sharpsFlats: number, minor: boolean, modeText?: string): Key {
  if (modeText?.startsWith(KEY_TEXT_PREFIX)) {
    try {
      const named = parseKey(modeText.slice(KEY_TEXT_PREFIX.length));
      if (keySignatureFifths(named) === sharpsFlats) return named;
    } catch {
      // Not a key name: fall back to the signature alone.
    }
  }
  return keyFromFifths(sharpsFlats, minor ? 'minor' : 'major');
}
