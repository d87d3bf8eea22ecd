import {
  add,
  isMinorLike,
  MusicError,
  measureLength,
  parallelKey,
  rat,
  realizeRomanNumeral,
  sub,
  toNumber,
  type Key,
  type Rational,
  type Rng,
  type TimeSignature,
} from '@cadenza/core';
import type { ArrangeRequest, ChordEvent, Progression } from '../../arrangement-types.js';
import { barStart } from '../../chord-events.js';
import { BLUES_FORMS, type BluesForm, type FormBar, type FormChord } from './blues-forms.js';

/**
 * Which form the request asks for: 'jazz blues', 'minor' (or a minor key), 'quick change', '12-bar' (the
 * basic form) or '8-bar' by name; a piece of 8 or 16 bars (a multiple of 8, not of 12) is an 8-bar
 * blues; otherwise the seed picks a 12-bar form, a sad or dark mood leaning minor.
 */
export function chooseForm(request: ArrangeRequest, rng: Rng): BluesForm {
  const cue = (pattern: RegExp) => request.styles.some((s) => pattern.test(s));
  if (cue(/jazz/)) return BLUES_FORMS.jazz;
  if (cue(/minor/) || isMinorLike(request.key)) return BLUES_FORMS.minor;
  if (cue(/quick[ -]?change/)) return BLUES_FORMS['quick-change'];
  if (cue(/12[ -]?bar|twelve|basic|standard|slow change/)) return BLUES_FORMS.basic;
  if (cue(/8[ -]?bar|eight/) || (request.bars % 8 === 0 && request.bars % 12 !== 0)) {
    return BLUES_FORMS['eight-bar'];
  }
  const dark = request.moods.some((m) => /sad|dark|melanchol|lonely|mourn/.test(m));
  const forms = [BLUES_FORMS.basic, BLUES_FORMS['quick-change'], BLUES_FORMS.jazz, BLUES_FORMS.minor];
  return rng.weighted(forms, [4, 3, request.application.id === 'slow' ? 2 : 1, dark ? 4 : 0.5]);
}

/** Where a two-chord bar changes: the middle beat (4/4: 2+2, 3/4: 2+1, 5/4: 3+2, 6/8: at the dotted quarter). */
function splitPoint(meter: TimeSignature): Rational {
  const bar = measureLength(meter);
  if (meter.beatType === 8 && meter.beats % 3 === 0) return rat(bar.n, bar.d * 2);
  return rat(Math.max(1, Math.ceil(toNumber(bar) / 2)));
}

const FINAL_I: FormChord = {
  roman: 'I7',
  numeral: 'I7',
  comment: 'the final chord: the turnaround lands home on I7',
};
const FINAL_i: FormChord = { roman: 'i7', numeral: 'i7', comment: 'the final chord: home on the minor i7' };
const TURN_V: FormChord = {
  roman: 'V7',
  numeral: 'V7',
  comment: 'the closing turnaround: V7 sets up the final chord',
};

/**
 * The bars of the piece: the form repeated chorus after chorus. The piece always ends home: its last
 * bar becomes the final I7 (i7), and the bar before it turns around to V7 on its second half. A
 * length that is not a multiple of the form's cuts the last chorus short and still ends that way.
 */
export function formBars(form: BluesForm, bars: number): FormBar[] {
  const final = form.mode === 'minor' ? FINAL_i : FINAL_I;
  const result: FormBar[] = [];
  for (let b = 0; b < bars; b++) result.push(form.bars[b % form.bars.length] ?? [final]);
  if (bars >= 2) {
    const before = result[bars - 2];
    const first = before?.[0];
    if (first && !/^V7$/.test(first.roman)) result[bars - 2] = [first, TURN_V];
  }
  result[bars - 1] = [final];
  return result;
}

function realize(chord: FormChord, key: Key, at: { position: Rational; duration: Rational }, bar: number) {
  return {
    ...at,
    chord: realizeRomanNumeral(chord.roman, key),
    numeral: chord.numeral,
    comment: `bar ${bar + 1}: ${chord.comment}`,
  } satisfies ChordEvent;
}

/** The blues progression: a 12- or 8-bar form in the key (a minor blues in its parallel minor), one chorus after another. */
export function bluesProgressionOf(request: ArrangeRequest, form: BluesForm): Progression {
  if (!Number.isInteger(request.bars) || request.bars < 1) {
    throw new MusicError(`a blues needs a whole number of bars, at least 1 (got ${request.bars})`);
  }
  const key = form.mode === 'minor' && !isMinorLike(request.key) ? parallelKey(request.key) : request.key;
  const barLength = measureLength(request.meter);
  const split = splitPoint(request.meter);
  const chords: ChordEvent[] = [];
  formBars(form, request.bars).forEach((bar, b) => {
    const start = barStart(b, request.meter);
    const [first, second] = bar;
    if (second && toNumber(barLength) > 1) {
      chords.push(realize(first, key, { position: start, duration: split }, b));
      chords.push(realize(second, key, { position: add(start, split), duration: sub(barLength, split) }, b));
    } else chords.push(realize(first, key, { position: start, duration: barLength }, b));
  });
  const formLength = form.bars.length;
  const sections = Array.from({ length: Math.ceil(request.bars / formLength) }, (_, i) => ({
    position: barStart(i * formLength, request.meter),
    label: `Chorus ${i + 1}`,
  }));
  return { chords, sections };
}

export function bluesProgression(request: ArrangeRequest, rng: Rng): Progression {
  return bluesProgressionOf(request, chooseForm(request, rng));
}
