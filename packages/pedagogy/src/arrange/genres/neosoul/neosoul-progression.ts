import {
  add,
  isMinorLike,
  measureLength,
  rat,
  sub,
  type Rational,
  type Rng,
  type Section,
} from '@cadenza/core';
import type { ArrangeRequest, ChordEvent, Progression } from '../../arrangement-types.js';
import { barStart, chordEvent } from '../../chord-events.js';
import { symbolIn } from '../jazz/jazz-chords.js';
import { halfBar, hasCue } from '../jazz/jazz-progression.js';
import {
  MAJOR_CELLS,
  MAJOR_ENDING,
  MAJOR_HOME,
  MAJOR_INTRO,
  MINOR_CELLS,
  MINOR_ENDING,
  MINOR_HOME,
  MINOR_INTRO,
  type NeoBar,
  type NeoCell,
  type NeoChord,
} from './neosoul-chords.js';

/** Intro, A (and B from halfway in pieces of 16 bars or more), Ending: bar numbers from 0. */
export function neosoulSections(bars: number): { readonly bar: number; readonly label: string }[] {
  if (bars < 4) return [{ bar: 0, label: 'A' }];
  const sections =
    bars >= 8
      ? [
          { bar: 0, label: 'Intro' },
          { bar: 2, label: 'A' },
        ]
      : [{ bar: 0, label: 'A' }];
  if (bars >= 16) sections.push({ bar: 2 + Math.floor((bars - 4) / 2), label: 'B' });
  sections.push({ bar: bars - 2, label: 'Ending' });
  return sections;
}

/** Cell weights: a cue ('dorian', 'planing', 'walk-up') or the mood leans the choice; otherwise even. */
function weightOf(request: ArrangeRequest, cell: NeoCell, section: string): number {
  if (hasCue(request, 'dorian') && cell.id === 'dorian-vamp') return 6;
  if (hasCue(request, 'planing') && cell.id === 'planing') return 6;
  if (hasCue(request, 'ii-v') && /ii-V/.test(cell.id)) return 4;
  // The B section leaves home: the walk-up, planing and the relative-major ii–V.
  if (section === 'B' && ['walk-up', 'planing', 'relative-ii-V', 'vi-ii'].includes(cell.id)) return 3;
  if (section === 'A' && ['ii-V-I', 'lydian-vamp', 'dorian-vamp', 'sus-ii-V'].includes(cell.id)) return 2;
  return 1;
}

/** The bars of the piece: the intro vamp, cells chosen per section, the cadence home at the end. */
export function neosoulBars(request: ArrangeRequest, rng: Rng): NeoBar[] {
  const minor = isMinorLike(request.key);
  const cells = minor ? MINOR_CELLS : MAJOR_CELLS;
  const total = request.bars;
  if (total === 1) return [minor ? MINOR_HOME : MAJOR_HOME];
  const sections = neosoulSections(total);
  const result: NeoBar[] = [];
  const body = total - 2;
  const used = new Set<string>();
  if (sections[0]?.label === 'Intro') {
    result.push(...(minor ? MINOR_INTRO : MAJOR_INTRO));
    // The intro is the tonic vamp: the A section starts somewhere else.
    used.add(minor ? 'dorian-vamp' : 'lydian-vamp');
  }
  while (result.length < body) {
    const at = result.length;
    const section = [...sections].reverse().find((s) => s.bar <= at)?.label ?? 'A';
    // A cell heard already is less likely again, so the B section (and long pieces) move on.
    const cell = rng.weighted(
      cells,
      cells.map((c) => weightOf(request, c, section) * (used.has(c.id) ? 0.25 : 1)),
    );
    used.add(cell.id);
    result.push(...cell.bars.slice(0, body - at));
  }
  result.push(...(minor ? MINOR_ENDING : MAJOR_ENDING));
  return result.slice(0, total);
}

/**
 * Neo-soul harmony by rule: extended ii–V–Is, Lydian and Dorian vamps, the ♭VI–♭VII walk-up,
 * chromatic planing of maj9 shapes, 9/11/13 colours everywhere, ending on a minor-plagal (iv9) or
 * ♭VI–V7♯9 cadence. Intro, A, B and Ending sections.
 */
export function neosoulProgression(request: ArrangeRequest, rng: Rng): Progression {
  const barLength = measureLength(request.meter);
  const half = halfBar(request.meter);
  const chords: ChordEvent[] = [];
  const eventOf = (chord: NeoChord, position: Rational, duration: Rational): ChordEvent =>
    chordEvent(
      symbolIn(request.key, chord),
      request.key,
      { position, duration },
      chord.comment,
      chord.numeral,
    );
  neosoulBars(request, rng).forEach((bar, b) => {
    const start = barStart(b, request.meter);
    const [first, second] = bar;
    if (second && half) {
      chords.push(eventOf(first, start, half), eventOf(second, add(start, half), sub(barLength, half)));
    } else chords.push(eventOf(first, start, barLength));
  });
  const sections: Section[] = neosoulSections(request.bars).map((s) => ({
    position: s.bar === 0 ? rat(0) : barStart(s.bar, request.meter),
    label: s.label,
  }));
  return { chords, sections };
}
