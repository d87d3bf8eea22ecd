import {
  add,
  beatLength,
  eq,
  isZero,
  lt,
  measureLength,
  mul,
  rat,
  type Note,
  type Pitch,
  type Score,
} from '@cadenza/core';
import type { Exercise } from './exercise-types.js';

/** General MIDI percussion (channel 10): hi wood block on the downbeat, low wood block on other beats. */
export const CLICK_DOWNBEAT: Pitch = { step: 'E', alter: 0, octave: 5 };
export const CLICK_BEAT: Pitch = { step: 'F', alter: 0, octave: 5 };

export interface ClickOptions {
  /** Bars of clicks before the music (the exercise's `countInBars` by default). */
  readonly countInBars?: number;
  /** Click every beat under the music too. */
  readonly metronome?: boolean;
}

/**
 * The score the practice audio plays: the exercise after a count-in, with a percussion part of clicks
 * (felt beats: quarters in 4/4, dotted quarters in 6/8) through the count-in and, with `metronome`,
 * through the music.
 */
export function practiceAudioScore(
  exercise: Pick<Exercise, 'score' | 'timeSignature' | 'bars' | 'countInBars'>,
  options: ClickOptions = {},
): Score {
  const countIn = options.countInBars ?? exercise.countInBars;
  const score = exercise.score;
  if (countIn === 0 && !options.metronome) return score;
  const measure = measureLength(exercise.timeSignature);
  const shift = mul(rat(countIn), measure);
  const musicEnd = mul(rat(exercise.bars), measure);
  const clicksEnd = options.metronome ? add(shift, musicEnd) : shift;
  const beat = beatLength(exercise.timeSignature);
  const clicks: Note[] = [];
  for (let bar = rat(0); lt(bar, clicksEnd); bar = add(bar, measure)) {
    for (let at = bar; lt(at, add(bar, measure)) && lt(at, clicksEnd); at = add(at, beat)) {
      const downbeat = eq(at, bar);
      clicks.push({
        pitch: downbeat ? CLICK_DOWNBEAT : CLICK_BEAT,
        position: at,
        duration: beat,
        staff: 1,
        voice: 1,
        velocity: downbeat ? 100 : 72,
      });
    }
  }
  const moved = score.parts.map((p) => ({
    ...p,
    notes: p.notes.map((n) => ({ ...n, position: add(n.position, shift) })),
  }));
  return {
    ...score,
    parts: [
      ...moved,
      { id: 'CLICK', name: 'Click', staves: 1, clefs: ['percussion'], program: 0, notes: clicks, pedals: [] },
    ],
    end: add(shift, score.end ?? musicEnd),
    tempos: score.tempos.map((t) => (isZero(t.position) ? t : { ...t, position: add(t.position, shift) })),
  };
}
