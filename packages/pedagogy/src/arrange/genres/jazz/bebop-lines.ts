import { add, chroma, midiOf, rat, type Chord, type Note, type Pitch, type PitchClass } from '@cadenza/core';
import type { HandPattern, PatternContext } from '../../arrangement-types.js';
import { nearestPitch, spellInKey } from '../../voicing.js';
import {
  fifthOf,
  handNote,
  jazzBeats,
  ninthOf,
  offbeatIn,
  seventhOf,
  thirdOf,
  type JazzBeat,
} from './jazz-tools.js';

/** The line moves between G4 and C6; reaching an edge turns it round. */
export const LINE_RANGE: readonly [number, number] = [67, 84];

/** The chord tones a line lands on: root, 3rd, 5th, 7th. */
export function targetTones(chord: Chord): PitchClass[] {
  const tones = [chord.root, thirdOf(chord), fifthOf(chord), seventhOf(chord)].filter(
    (pc): pc is PitchClass => pc !== undefined,
  );
  return tones.filter((pc, i) => tones.findIndex((x) => chroma(x) === chroma(pc)) === i);
}

/** The chord tone nearest `from` in direction `direction` (at least a whole step away), inside the range. */
export function nextTarget(chord: Chord, from: number, direction: 1 | -1): Pitch | undefined {
  const options = targetTones(chord)
    .flatMap((pc) => [-12, 0, 12].map((o) => nearestPitch(pc, from + o)))
    .map((p) => ({ p, m: midiOf(p) }))
    .filter(({ m }) => (m - from) * direction >= 2 && m >= LINE_RANGE[0] && m <= LINE_RANGE[1])
    .sort((x, y) => Math.abs(x.m - from) - Math.abs(y.m - from));
  return options[0]?.p;
}

/** Whether the line rests on this beat: the last beat of each four-bar phrase breathes. */
const breathes = (beat: JazzBeat, beatsPerBar: number): boolean =>
  beat.bar % 4 === 3 && beat.index === beatsPerBar - 1;

/**
 * Improvisation: a bebop eighth-note line. Each beat's downbeat is a chord tone of the chord sounding
 * (root, 3rd, 5th, 7th); the off-beat eighth leads into the next downbeat by a chromatic half step (a
 * passing or approach tone) or, now and then, through the 9th. The line runs up and down the range;
 * the last beat of each four-bar phrase is a quarter note to breathe, and the piece ends on the root.
 * Licks: now and then the line encloses a chord's arrival (step above, half step below, target).
 * The upbeats are accented, as bebop players phrase them.
 */
export const improvisation: HandPattern = {
  id: 'improvisation',
  name: 'Improvisation',
  hand: 'right',
  render({ request, progression, rng }: PatternContext): Note[] {
    const beats = jazzBeats(request, progression);
    const beatsPerBar = Math.max(1, ...beats.map((b) => b.index + 1));
    const half = rat(1, 2);
    const notes: Note[] = [];
    let direction: 1 | -1 = 1;
    /** The chord tone an enclosure resolves to, while one is under way. */
    let enclosing: Pitch | undefined;
    let current = nearestPitch(beats[0]?.event.chord.root ?? request.key.tonic, 72);
    beats.forEach((beat, i) => {
      const next = beats[i + 1];
      const last = !next;
      if (last) {
        // `current` is the root the beat before aimed at (or, in a one-beat piece, the opening root).
        notes.push(handNote(current, beat.position, beat.length, 'right', 84));
        return;
      }
      // The next downbeat: a chord tone of the chord then sounding, in the line's direction.
      // The line ends on the root of the last chord; otherwise it runs on to the next chord tone.
      const final = i + 2 === beats.length;
      const resolving = enclosing;
      enclosing = undefined;
      let target =
        resolving ??
        (final
          ? nearestPitch(next.event.chord.root, midiOf(current))
          : nextTarget(next.event.chord, midiOf(current), direction));
      if (!target) {
        direction = direction === 1 ? -1 : 1;
        target = nextTarget(next.event.chord, midiOf(current), direction) ?? current;
      }
      // A lick: enclose the next chord's arrival (a step above on the weak beat before it, a half step
      // below on its off-beat, then the chord tone), as often as the application improvises.
      const arrival = beats[i + 2];
      if (
        !resolving &&
        arrival?.changes &&
        i + 3 < beats.length &&
        !next.strong &&
        !breathes(next, beatsPerBar) &&
        next.length.n >= next.length.d &&
        rng.chance(request.application.improvisation * 0.5)
      ) {
        const goal = nextTarget(arrival.event.chord, midiOf(current), direction);
        if (goal) {
          const above = midiOf(goal) + (midiOf(goal) + 2 === midiOf(current) ? 1 : 2);
          enclosing = goal;
          target = spellInKey(above, request.key);
        }
      }
      // Bebop phrasing leans on the upbeats: the off-beat eighth a little louder than the beat.
      const accent = beat.index === 0 ? 80 : 74;
      if (breathes(beat, beatsPerBar) || beat.length.n < beat.length.d) {
        notes.push(handNote(current, beat.position, beat.length, 'right', accent));
      } else {
        notes.push(handNote(current, beat.position, offbeatIn(beat), 'right', accent));
        const goal = midiOf(target);
        const ninth = nearestPitch(ninthOf(beat.event.chord), (midiOf(current) + goal) / 2);
        const throughNinth =
          rng.chance(0.25) && Math.abs(midiOf(ninth) - goal) <= 3 && midiOf(ninth) !== midiOf(current);
        const below = resolving ? goal - 1 : goal - direction;
        const passing = throughNinth && !resolving ? ninth : spellInKey(below, request.key);
        notes.push(handNote(passing, add(beat.position, offbeatIn(beat)), half, 'right', 88));
      }
      current = target;
      if (rng.chance(0.12)) direction = direction === 1 ? -1 : 1;
    });
    return notes;
  },
};
