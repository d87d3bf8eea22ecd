import {
  add,
  eq,
  formatRational,
  gt,
  measureLength,
  MusicError,
  mul,
  parsePitch,
  rat,
  sub,
  sum,
  ZERO,
  type ChordSymbolEvent,
  type Note,
  type Pitch,
  type Rational,
  type TimeSignature,
} from '@cadenza/core';

/**
 * A compact text notation for the song catalogue, close to how a teacher jots a tune down:
 *
 *     "E4:q E4 F4 G4 | G4 F4 E4 D4 | C4 C4 D4 E4 | E4:q. D4:e D4:h"
 *
 * - A note is a spelled pitch with its octave (`F#4`, `Bb3`); `r` is a rest; `C3+E3+G3` is a chord.
 * - `:value` sets the duration: `w h q e s` (whole … sixteenth), `.` dots it, `t` makes it a triplet
 *   (`et` = a triplet eighth, 1/3 of a quarter). The value carries on to the following notes until changed.
 * - A trailing `~` ties the note into the next one (same pitches): they become one `Note`, which the
 *   MusicXML writer splits again at the barline.
 * - `|` is a barline. Every bar must be exactly full; the first bar may be a pickup of the declared length,
 *   and the last bar may then be short by that length (pickup + last bar = one bar).
 *
 * Accidentals are always written out (`F#4` in G major): pitches are absolute, the key signature only
 * decides how they print.
 */

/** What a line of notation needs to know about its piece. */
export interface NotationContext {
  readonly meter: TimeSignature;
  /** Pickup length in quarter notes (zero for none). */
  readonly pickup: Rational;
  readonly staff: number;
  readonly voice: number;
}

export interface ParsedLine {
  readonly notes: Note[];
  /** Length in quarter notes of each bar as written, pickup included. */
  readonly barLengths: Rational[];
  /** Where the line ends, quarter notes from the start. */
  readonly end: Rational;
}

const BASE_VALUES: Record<string, Rational> = {
  w: rat(4),
  h: rat(2),
  q: rat(1),
  e: rat(1, 2),
  s: rat(1, 4),
};

/** Parses a duration like `q`, `h.`, `e..`, `et` (triplet eighth) into quarter notes. */
export function parseNoteValue(text: string): Rational {
  const m = /^([whqes])(\.{0,2})(t?)$/.exec(text);
  const base = m ? BASE_VALUES[m[1] ?? ''] : undefined;
  if (!m || !base) {
    throw new MusicError(
      `'${text}' is not a note value: write w, h, q, e or s, then dots or t for a triplet (e.g. q. or et)`,
      text,
    );
  }
  const dots = (m[2] ?? '').length;
  let value = base;
  if (dots === 1) value = mul(base, rat(3, 2));
  if (dots === 2) value = mul(base, rat(7, 4));
  return m[3] ? mul(value, rat(2, 3)) : value;
}

interface Token {
  readonly pitches: readonly Pitch[];
  readonly duration: Rational;
  readonly tie: boolean;
}

function parseToken(text: string, previous: Rational): Token {
  const tie = text.endsWith('~');
  const body = tie ? text.slice(0, -1) : text;
  const [head = '', value] = body.split(':');
  const duration = value === undefined ? previous : parseNoteValue(value);
  if (head === 'r') {
    if (tie) throw new MusicError(`a rest cannot be tied: '${text}'`, text);
    return { pitches: [], duration, tie };
  }
  return { pitches: head.split('+').map(parsePitch), duration, tie };
}

const samePitches = (a: readonly Pitch[], b: readonly Pitch[]): boolean =>
  a.length === b.length &&
  a.every((p, i) => {
    const q = b[i];
    return q !== undefined && p.step === q.step && p.alter === q.alter && p.octave === q.octave;
  });

/** Checks the bar lengths: full bars, a pickup of the declared length, a last bar that completes it. */
function checkBars(barLengths: readonly Rational[], context: NotationContext, source: string): void {
  const full = measureLength(context.meter);
  const last = barLengths.length - 1;
  barLengths.forEach((length, i) => {
    const hasPickup = gt(context.pickup, ZERO);
    const ok =
      eq(length, full) ||
      (i === 0 && hasPickup && eq(length, context.pickup)) ||
      (i === last && i > 0 && hasPickup && eq(length, sub(full, context.pickup)));
    if (!ok) {
      throw new MusicError(
        `bar ${i + (gt(context.pickup, ZERO) ? 0 : 1)} holds ${formatRational(length)} quarter notes, ` +
          `not ${formatRational(i === 0 && gt(context.pickup, ZERO) ? context.pickup : full)}`,
        source,
      );
    }
  });
  if (gt(context.pickup, ZERO) && !eq(barLengths[0] ?? ZERO, context.pickup)) {
    throw new MusicError(`the first bar should be the ${formatRational(context.pickup)}-beat pickup`, source);
  }
}

/** Parses one line of notation (one staff, one voice) into notes, checking every bar. */
export function parseNotation(source: string, context: NotationContext): ParsedLine {
  const notes: Note[] = [];
  const barLengths: Rational[] = [];
  let position = ZERO;
  let value = rat(1);
  let pending: { pitches: readonly Pitch[]; start: Rational; duration: Rational } | undefined;
  for (const bar of source.split('|')) {
    const tokens = bar.trim().split(/\s+/).filter(Boolean);
    if (tokens.length === 0) throw new MusicError('an empty bar: every bar needs notes or rests', source);
    const lengths: Rational[] = [];
    for (const text of tokens) {
      const token = parseToken(text, value);
      value = token.duration;
      lengths.push(token.duration);
      if (pending && !samePitches(pending.pitches, token.pitches)) {
        throw new MusicError(`'${text}' does not continue the tied note before it`, source);
      }
      const start = pending ? pending.start : position;
      const duration = pending ? add(pending.duration, token.duration) : token.duration;
      pending = token.tie ? { pitches: token.pitches, start, duration } : undefined;
      if (!token.tie) {
        for (const pitch of token.pitches) {
          notes.push({ pitch, position: start, duration, staff: context.staff, voice: context.voice });
        }
      }
      position = add(position, token.duration);
    }
    barLengths.push(sum(lengths));
  }
  if (pending) throw new MusicError('the last note is tied to nothing', source);
  checkBars(barLengths, context, source);
  return { notes, barLengths, end: position };
}

/**
 * Parses a chord line, one bar per `|` starting at the first full bar (after any pickup). A bar holds
 * symbols with optional values (`C:h G7:h`); symbols without one share what is left of the bar equally.
 * `.` alone leaves the previous chord sounding through the bar.
 */
export function parseChordLine(source: string, context: NotationContext): ChordSymbolEvent[] {
  const full = measureLength(context.meter);
  const events: ChordSymbolEvent[] = [];
  let barStart = context.pickup;
  for (const bar of source.split('|')) {
    const tokens = bar.trim().split(/\s+/).filter(Boolean);
    if (tokens.length === 0) throw new MusicError('an empty chord bar: write `.` to hold the chord', source);
    if (!(tokens.length === 1 && tokens[0] === '.')) {
      const parsed = tokens.map((t) => {
        const [symbol = '', value] = t.split(':');
        return { symbol, value: value === undefined ? undefined : parseNoteValue(value) };
      });
      const given = sum(parsed.flatMap((p) => (p.value ? [p.value] : [])));
      const open = parsed.filter((p) => !p.value).length;
      const share = open > 0 ? mul(sub(full, given), rat(1, open)) : ZERO;
      if (open === 0 && !eq(given, full)) {
        throw new MusicError(`chord bar '${bar.trim()}' fills ${formatRational(given)} beats`, source);
      }
      let at = barStart;
      for (const p of parsed) {
        events.push({ position: at, symbol: p.symbol });
        at = add(at, p.value ?? share);
      }
    }
    barStart = add(barStart, full);
  }
  return events;
}
