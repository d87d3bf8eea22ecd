import { add, measureLength, midiOf, rat, toNumber, type Note } from '@cadenza/core';
import type { HandPattern, PatternContext } from '../../arrangement-types.js';
import { barStart, chordAt } from '../../chord-events.js';
import { closeVoicing } from '../../voicing.js';
import { chorusRiffs, playRiff, tonicAbove, type Riff } from './blues-riffs.js';
import { bluesScale, bluesTones, handNote, placeAbove, shuffleGrid } from './blues-tools.js';

const FORM_BARS = 12;
const LINE_BARS = 4;

/** A chord tone held from the start of `bar` for three beats (or the bar): the breath after a riff. */
function heldTone(context: PatternContext, bar: number, floor: number, velocity: number): Note[] {
  const { request, progression } = context;
  const start = barStart(bar, request.meter);
  const event = chordAt(progression, start);
  if (!event) return [];
  const tones = bluesTones(event.chord);
  const barLength = measureLength(request.meter);
  const length = toNumber(barLength) > 3 ? rat(3) : barLength;
  return [handNote(placeAbove(tones.third, floor).pitch, start, length, 'right', velocity)];
}

/** Two eighths (♭3 then 4) on the last beat of `bar`, leading into the next riff; none in a bar under 2 beats or over 4 (the riffs count 4/4 eighths). */
function pickup(context: PatternContext, bar: number, tonic: number): Note[] {
  const { request } = context;
  const barLength = toNumber(measureLength(request.meter));
  if (bar >= request.bars - 1 || barLength < 2 || barLength > 4) return [];
  const lick: Riff = [
    [(barLength - 1) * 2, 1, 1],
    [(barLength - 1) * 2 + 1, 2, 1],
  ];
  return playRiff(request, lick, bar, tonic, 78);
}

/**
 * Spec "12-Bar Blues Melody": the blues's AAB lyric shape played on the blues scale. Lines 1 and 2
 * (bars 1–4, 5–8) state the same two-bar riff, the second time over IV7, where its ♭3 becomes IV7's
 * ♭7; line 3 (bars 9–12) answers with a closing riff that comes down to the tonic. Bars 3–4 of each
 * line hold a chord tone: the space a singer breathes in. The last bar rings the tonic.
 */
export const twelveBarBluesMelody: HandPattern = {
  id: '12-bar-blues-melody',
  name: '12-Bar Blues Melody',
  hand: 'right',
  render: (context) => {
    const { request, rng } = context;
    const tonic = tonicAbove(request, 67);
    const riffs = chorusRiffs(rng, Math.ceil(request.bars / FORM_BARS));
    const notes: Note[] = [];
    for (let bar = 0; bar < request.bars - 1; bar += LINE_BARS / 2) {
      const chorus = riffs[Math.floor(bar / FORM_BARS)];
      if (!chorus) break;
      const line = Math.floor((bar % FORM_BARS) / LINE_BARS);
      if (bar % LINE_BARS === 0)
        notes.push(...playRiff(request, line === 2 ? chorus.closing : chorus.call, bar, tonic));
      else {
        notes.push(...heldTone(context, bar, tonic - 5, 72));
        // The application's improvisation chance: a pickup lick at the end of the line's last bar.
        if (rng.chance(request.application.improvisation)) notes.push(...pickup(context, bar + 1, tonic));
      }
    }
    const last = request.bars - 1;
    const lastStart = barStart(last, request.meter);
    const kept = notes.filter((n) => n.position.n * lastStart.d < lastStart.n * n.position.d);
    kept.push(
      handNote(
        placeAbove(request.key.tonic, tonic).pitch,
        lastStart,
        measureLength(request.meter),
        'right',
        90,
      ),
    );
    return kept;
  },
};

/** The bar's fifth beat and on (5/4, 6/4): the call's tonic echoed a fifth above, an eighth then a rest. */
function echo(context: PatternContext, bar: number, tonic: number, sounding: readonly Note[]): Note[] {
  const { request } = context;
  const start = barStart(bar, request.meter);
  const at = toNumber(start) + 4;
  if (toNumber(measureLength(request.meter)) < 5) return [];
  // Not over a riff note still ringing there.
  if (sounding.some((n) => toNumber(n.position) <= at && toNumber(n.position) + toNumber(n.duration) > at))
    return [];
  const pitch = placeAbove(bluesScale(request.key.tonic)[4] ?? request.key.tonic, tonic).pitch;
  return [handNote(pitch, add(start, rat(4)), rat(1, 2), 'right', 76)];
}

/**
 * Spec "Call-Response": every four bars, a two-bar call (a single-note blues riff up high) and a
 * two-bar response (short chord stabs lower down, the band answering the singer). The stabs fall on
 * beat 1, the "and" of 2 and beat 4 (and 5 in 5/4), and the fourth bar holds one chord to close the
 * exchange. A 5/4 call bar mostly answers itself on beat 5. In 6/8 and 12/8 everything counts dotted
 * quarters (see shuffleGrid).
 */
export const callResponse: HandPattern = {
  id: 'call-response',
  name: 'Call-Response',
  hand: 'right',
  render: (context) => {
    const { request, progression, rng } = context;
    const tonic = tonicAbove(request, 72);
    const riffs = chorusRiffs(rng, Math.ceil(request.bars / FORM_BARS));
    const notes: Note[] = [];
    let top = 70;
    for (let bar = 0; bar < request.bars; bar++) {
      const chorus = riffs[Math.floor(bar / FORM_BARS)];
      if (!chorus) break;
      const inLine = bar % LINE_BARS;
      const grid = shuffleGrid(request.meter);
      if (inLine === 0) {
        const line = Math.floor((bar % FORM_BARS) / LINE_BARS);
        notes.push(...playRiff(request, line === 2 ? chorus.closing : chorus.call, bar, tonic, 86));
        // The riffs count four beats: a fifth beat (5/4) answers with the riff's last note, mostly.
        if (grid.beats >= 5 && rng.chance(0.75)) notes.push(...echo(context, bar, tonic, notes));
        continue;
      }
      if (inLine === 1) {
        if (grid.beats >= 5 && rng.chance(0.75)) notes.push(...echo(context, bar, tonic, notes));
        continue;
      }
      const start = barStart(bar, request.meter);
      const hits: [number, number][] =
        inLine === 2
          ? [
              [0, 0.5],
              [1.5, 1],
              [3, 1],
              [4, 1],
            ]
          : [[0, Math.min(2, grid.beats)]];
      for (const [at, length] of hits) {
        if (at >= grid.beats) continue;
        const from = grid.at(at);
        const position = add(start, rat(Math.round(from * 12), 12));
        const event = chordAt(progression, position);
        if (!event) continue;
        const t = bluesTones(event.chord);
        const voiced = closeVoicing([t.third, t.fifth, t.seventh], top, [55, 79]);
        top = Math.max(...voiced.map(midiOf));
        const duration = rat(Math.round((grid.at(Math.min(at + length, grid.beats)) - from) * 12), 12);
        notes.push(...voiced.map((p) => handNote(p, position, duration, 'right', 78)));
      }
    }
    return notes;
  },
};
