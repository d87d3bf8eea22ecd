import {
  add,
  div,
  isCompoundMeter,
  measureLength,
  rat,
  sub,
  toNumber,
  type Rational,
  type Rng,
  type Section,
} from '@cadenza/core';
import type { ArrangeRequest, ChordEvent, Progression } from '../../arrangement-types.js';
import { barStart, chordEvent } from '../../chord-events.js';
import { gospelChord, usesMinorVocabulary } from './gospel-chords.js';
import {
  MAJOR_TEMPLATES,
  MINOR_TEMPLATES,
  templateBars,
  type PhraseTemplate,
  type SectionKind,
} from './gospel-phrases.js';

interface PlannedSection {
  readonly label: string;
  readonly kind: SectionKind;
  readonly bars: number;
}

/**
 * Intro, A, B and Ending as the bar count allows: one bar is a cadence on its own; up to 7 bars are
 * A + a two-bar ending; from 8 a two-bar intro; from 12 a B; from 16 a four-bar ending, and the middle
 * alternates A and B in 4-bar (or, from 24 middle bars, 8-bar) sections.
 */
export function planSections(bars: number): PlannedSection[] {
  if (bars === 1) return [{ label: 'A', kind: 'ending', bars: 1 }];
  const intro = bars >= 24 ? 4 : bars >= 8 ? 2 : 0;
  const ending = bars >= 16 ? 4 : 2;
  const middle = bars - intro - ending;
  const plan: PlannedSection[] = [];
  if (intro > 0) plan.push({ label: 'Intro', kind: 'intro', bars: intro });
  if (middle > 0) {
    const chunk = middle >= 24 ? 8 : 4;
    const count = Math.max(1, Math.floor(middle / chunk));
    const canContrast = bars >= 12;
    for (let i = 0; i < count; i++) {
      const isB = canContrast && i % 2 === 1;
      const size = i === count - 1 ? middle - chunk * (count - 1) : chunk;
      plan.push({ label: isB ? 'B' : 'A', kind: isB ? 'b' : 'a', bars: size });
    }
  }
  plan.push({ label: 'Ending', kind: 'ending', bars: ending });
  return plan;
}

/** Mood weight for a template: uplifting/joyful favour bright, sad/dark favour dark ones. */
function colourWeight(template: PhraseTemplate, moods: readonly string[]): number {
  const bright = moods.some((m) => /uplift|joy|happy|bright|celebrat|triumph|praise/.test(m));
  const dark = moods.some((m) => /sad|dark|melanchol|mourn|somber|sombre|lament|blue/.test(m));
  if (bright && template.colour === 'bright') return 4;
  if (dark && template.colour === 'dark') return 4;
  if ((bright && template.colour === 'dark') || (dark && template.colour === 'bright')) return 0.25;
  return 1;
}

/** Whether the piece should close with the plagal "Amen": the 'amen' cue, or any worship arrangement. */
export const wantsAmen = (request: ArrangeRequest): boolean =>
  request.application.id === 'worship' || request.styles.some((s) => s.includes('amen'));

/** The chord ids of each bar of one section. */
function sectionBars(request: ArrangeRequest, section: PlannedSection, rng: Rng): string[][] {
  const templates = (usesMinorVocabulary(request.key) ? MINOR_TEMPLATES : MAJOR_TEMPLATES)[section.kind];
  if (section.kind === 'ending') {
    const tonic = usesMinorVocabulary(request.key) ? 'i' : 'I';
    const amen = wantsAmen(request);
    if (section.bars === 1) return [[amen ? (tonic === 'I' ? 'IV' : 'iv') : rng.pick(['V', 'subV']), tonic]];
    const fitting = templates.filter(
      (tpl) => templateBars(tpl).length === section.bars && (!amen || tpl.amen === true),
    );
    const chosen = rng.weighted(
      fitting,
      fitting.map((tpl) => colourWeight(tpl, request.moods)),
    );
    return templateBars(chosen);
  }
  const bars: string[][] = [];
  while (bars.length < section.bars) {
    const chosen = rng.weighted(
      templates,
      templates.map((tpl) => colourWeight(tpl, request.moods)),
    );
    bars.push(...templateBars(chosen));
  }
  return bars.slice(0, section.bars);
}

/**
 * Where the second of two chords in a bar starts: half the bar in compound meters (6/8: the second
 * dotted-quarter beat) and even simple bars; on the beat after the middle in odd ones (3/4: 2 + 1,
 * 5/4: 3 + 2), so chords always change on a beat.
 */
export function splitPoint(request: ArrangeRequest): Rational {
  const barLength = measureLength(request.meter);
  const half = div(barLength, rat(2));
  if (isCompoundMeter(request.meter) || half.d === 1) return half;
  return rat(Math.ceil(toNumber(half)));
}

/**
 * A seeded, rule-based gospel progression: sections from templates (1–4–5 with extensions, passing
 * diminished chords, 2–5–1s, tritone substitutes, walk-ups), ending on the tonic, plagal when the piece
 * wants an "Amen". Two chords in a bar split it at a beat (see `splitPoint`); a bar shorter than two
 * quarter notes keeps one chord (the last bar its last, so the piece still ends on the tonic).
 */
export function gospelProgression(request: ArrangeRequest, rng: Rng): Progression {
  const plan = planSections(request.bars);
  const barLength = measureLength(request.meter);
  const canSplit = barLength.n >= 2 * barLength.d;
  const chords: ChordEvent[] = [];
  const sections: Section[] = [];
  let bar = 0;
  for (const section of plan) {
    sections.push({ position: barStart(bar, request.meter), label: section.label });
    for (const ids of sectionBars(request, section, rng)) {
      const isLast = bar === request.bars - 1;
      const played = canSplit ? ids : [isLast ? ids[ids.length - 1] : ids[0]];
      const start = barStart(bar, request.meter);
      const split = splitPoint(request);
      played.forEach((id, i) => {
        if (id === undefined) return;
        const chord = gospelChord(request.key, id);
        const position = played.length === 1 || i === 0 ? start : add(start, split);
        const duration = played.length === 1 ? barLength : i === 0 ? split : sub(barLength, split);
        chords.push(
          chordEvent(chord.symbol, request.key, { position, duration }, chord.comment, chord.numeral),
        );
      });
      bar++;
    }
  }
  return { chords, sections };
}
