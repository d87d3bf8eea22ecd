import {
  add,
  div,
  measureLength,
  rat,
  sub,
  type Rational,
  type Rng,
  type Section,
  type TimeSignature,
} from '@cadenza/core';
import type { ArrangeRequest, ChordEvent, Progression } from '../../arrangement-types.js';
import { barStart, chordEvent } from '../../chord-events.js';
import {
  cellHalves,
  finalCadence,
  fourBarCells,
  rhythmChangesA,
  rhythmChangesBridge,
  tonicBar,
  twoBarCells,
  type Cell,
} from './jazz-cells.js';
import { symbolIn, vocabularyOf, type JazzVocabulary } from './jazz-chords.js';

/** A style cue of the request ('bebop', 'rhythm changes', 'ii-v-i turnarounds'…). */
export const hasCue = (request: ArrangeRequest, word: string): boolean =>
  request.styles.some((s) => s.toLowerCase().includes(word));

/** Where the second half of a bar starts: 2+2 in 4/4, 2+1 in 3/4, 3+2 in 5/4, the dotted quarter in 6/8. */
export function halfBar(meter: TimeSignature): Rational | undefined {
  if (meter.beatType === 8 && meter.beats % 3 === 0 && meter.beats > 3)
    return div(measureLength(meter), rat(2));
  if (meter.beats < 2) return undefined;
  return rat(Math.ceil(meter.beats / 2) * 4, meter.beatType);
}

/** Body cells filling `halves` half bars, chosen by the style cues. */
function bodyCells(request: ArrangeRequest, v: JazzVocabulary, halves: number, rng: Rng): Cell[] {
  const bebop = hasCue(request, 'bebop');
  const turnarounds = hasCue(request, 'turnaround');
  const rhythm = rhythmChangesA(v);
  const cells: Cell[] = [];
  let left = halves;
  let index = 0;
  while (left > 0) {
    if (left === 2) {
      cells.push(tonicBar(v));
      break;
    }
    if (hasCue(request, 'rhythm changes') && left >= 8) {
      cells.push(index % 2 === 0 ? rhythm.first : rhythm.second);
    } else if ((bebop && rng.chance(0.75)) || left < 8) {
      // Bebop: a chord every half bar, mostly ii–Vs (the first three cells are ii–V–Is).
      const options = twoBarCells(v);
      cells.push(
        rng.weighted(
          options,
          options.map((_, i) => (i < 2 || (bebop && i >= 4) ? 3 : 2)),
        ),
      );
    } else {
      const options = fourBarCells(v);
      const weight = (i: number): number => (turnarounds && (i === 3 || i === 4) ? 4 : i === 0 ? 3 : 2);
      cells.push(
        rng.weighted(
          options,
          options.map((_, i) => weight(i)),
        ),
      );
    }
    left -= cellHalves(cells[cells.length - 1] as Cell);
    index++;
  }
  return cells;
}

/** Cells for a piece of `bars` bars ending on the tonic (the last up to four bars a ii–V–I). */
function pieceCells(request: ArrangeRequest, v: JazzVocabulary, bars: number, rng: Rng): Cell[] {
  const halves = bars * 2;
  if (halves <= 8) return [finalCadence(v, halves)];
  return [...bodyCells(request, v, halves - 8, rng), finalCadence(v, 8)];
}

/** A 32-bar AABA chorus: A ends in a turnaround, A again ends home, the bridge visits other keys. */
function aabaChorus(request: ArrangeRequest, v: JazzVocabulary, rng: Rng, last: boolean): Cell[] {
  if (hasCue(request, 'rhythm changes')) {
    const a = rhythmChangesA(v);
    return [a.first, a.second, a.first, a.last, rhythmChangesBridge(), a.first, last ? a.last : a.second];
  }
  const four = fourBarCells(v);
  const opening = rng.pick([four[0], four[1], four[2]].filter((c): c is Cell => c !== undefined));
  const turnaround = rng.pick([four[3], four[4]].filter((c): c is Cell => c !== undefined));
  const bridge = [four[5], four[6]].filter((c): c is Cell => c !== undefined);
  const home = finalCadence(v, 8);
  return [opening, turnaround, opening, home, ...bridge, opening, last ? home : turnaround];
}

/** Position of half bar `h` from the top. */
function halfPosition(h: number, meter: TimeSignature, split: Rational | undefined): Rational {
  const start = barStart(Math.floor(h / 2), meter);
  return h % 2 === 1 && split ? add(start, split) : start;
}

/** The chords of the cells laid out in time; without a half-bar split a mid-bar chord joins the one before. */
function layOut(request: ArrangeRequest, cells: readonly Cell[]): ChordEvent[] {
  const split = halfBar(request.meter);
  const spans: { chord: Cell['chords'][number]['chord']; start: number; end: number }[] = [];
  let h = 0;
  for (const c of cells) {
    for (const { chord, halves } of c.chords) {
      const previous = spans[spans.length - 1];
      if (previous && h % 2 === 1 && !split) previous.end = h + halves;
      else spans.push({ chord, start: h, end: h + halves });
      h += halves;
    }
  }
  return spans.map((s) => {
    const position = halfPosition(s.start, request.meter, split);
    const end = halfPosition(s.end, request.meter, split);
    const duration = sub(end, position);
    return chordEvent(
      symbolIn(request.key, s.chord),
      request.key,
      { position, duration },
      s.chord.comment,
      s.chord.numeral,
    );
  });
}

/**
 * Jazz harmony by rule: four-bar cells (ii–V–I in the key and in secondary keys, I–vi–ii–V and
 * iii–VI–ii–V turnarounds, tritone substitution, the backdoor ii–V) ending on a ii–V–I home; 32-bar
 * multiples become AABA choruses; 'bebop' doubles the harmonic rhythm; 'rhythm changes' uses Gershwin's
 * changes. Extended symbols throughout (maj7, m9, 13, 7♭9, 7alt).
 */
export function jazzProgression(request: ArrangeRequest, rng: Rng): Progression {
  const v = vocabularyOf(request.key);
  const sections: Section[] = [];
  let cells: Cell[];
  if (request.bars % 32 === 0) {
    const choruses = request.bars / 32;
    cells = [];
    for (let c = 0; c < choruses; c++) {
      cells.push(...aabaChorus(request, v, rng, c === choruses - 1));
      for (const [offset, label] of [
        [0, 'A'],
        [8, 'A'],
        [16, 'B'],
        [24, 'A'],
      ] as const) {
        sections.push({ position: barStart(c * 32 + offset, request.meter), label });
      }
    }
  } else {
    cells = pieceCells(request, v, request.bars, rng);
    sections.push({ position: rat(0), label: 'A' });
    if (request.bars > 4)
      sections.push({ position: barStart(request.bars - 4, request.meter), label: 'Ending' });
  }
  return { chords: layOut(request, cells), sections };
}
