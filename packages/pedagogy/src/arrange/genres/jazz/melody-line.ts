import { add, midiOf, rat, type Pitch, type Rational } from '@cadenza/core';
import type { PatternContext } from '../../arrangement-types.js';
import { nearestPitch } from '../../voicing.js';
import { nextTarget } from './bebop-lines.js';
import { jazzBeats, offbeatIn } from './jazz-tools.js';

/** One melody note. */
export interface MelodyNote {
  readonly pitch: Pitch;
  readonly position: Rational;
  readonly duration: Rational;
  /** Struck on a bar line or a chord change: the place for a chord under it. */
  readonly onChange: boolean;
}

/**
 * A singable melody of chord tones: a new chord tone at each bar line and chord change, quarters and
 * swung eighth pairs between (an eighth pair's second note is the next chord tone on the way), held
 * notes where the phrase rests. Moves by small steps and turns round at the edges of `range`.
 */
export function melodyLine({ request, progression, rng }: PatternContext, start = 76): MelodyNote[] {
  const beats = jazzBeats(request, progression);
  const notes: MelodyNote[] = [];
  const half = rat(1, 2);
  let direction: 1 | -1 = rng.chance(0.5) ? 1 : -1;
  let current = midiOf(nearestPitch(beats[0]?.event.chord.root ?? request.key.tonic, start));
  let held: { pitch: Pitch; position: Rational; duration: Rational; onChange: boolean } | undefined;
  const flush = () => {
    if (held) notes.push(held);
    held = undefined;
  };
  for (const beat of beats) {
    const chord = beat.event.chord;
    const strike = beat.index === 0 || beat.changes;
    let pitch = nextTarget(chord, current, direction);
    if (!pitch) {
      direction = direction === 1 ? -1 : 1;
      pitch = nextTarget(chord, current, direction) ?? nearestPitch(chord.root, current);
    }
    if (!strike && held && rng.chance(0.35)) {
      held = { ...held, duration: add(held.duration, beat.length) };
      continue;
    }
    flush();
    if (!strike && beat.length.n >= beat.length.d && rng.chance(0.4)) {
      const second = nextTarget(chord, midiOf(pitch), direction) ?? pitch;
      const off = offbeatIn(beat);
      notes.push({ pitch, position: beat.position, duration: off, onChange: false });
      notes.push({ pitch: second, position: add(beat.position, off), duration: half, onChange: false });
      current = midiOf(second);
      continue;
    }
    held = { pitch, position: beat.position, duration: beat.length, onChange: strike };
    current = midiOf(pitch);
    if (rng.chance(0.2)) direction = direction === 1 ? -1 : 1;
  }
  flush();
  return notes;
}
