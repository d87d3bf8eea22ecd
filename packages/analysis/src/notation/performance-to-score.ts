/**
 * From performance to notation: performed notes (seconds) + tracked beats + meter + key → a core
 * Score. Seconds become beats through the beat map, beats snap to a per-beat grid, ends are cleaned
 * per staff, pitches are spelled in the key, and each note keeps its performed timing in `Note.offset`
 * (quarter notes) so MIDI can still play it as it was played.
 */
import {
  beatLength,
  beatsPerMeasure,
  createScore,
  isCompoundMeter,
  isMinorLike,
  keySignatureFifths,
  mul,
  MusicError,
  parseTimeSignature,
  rat,
  spellMidi,
  sub,
  toNumber,
  type Clef,
  type Key,
  type Note,
  type Rational,
  type Score,
} from '@cadenza/core';
import { beatMap } from './beat-map.js';
import { chooseGrids, snapToGrid, type TimePoint } from './beat-grid.js';
import { notatedEnds, type PlacedNote } from './notated-ends.js';
import { fixOctaveErrors, isMonophonic } from './octave-errors.js';
import { splitStaves } from './staff-split.js';
import { tempoMarks } from './tempo-marks.js';
import type { NotationOptions, PlayedNote } from './types.js';

const C_MAJOR: Key = { tonic: { step: 'C', alter: 0 }, mode: 'major' };
const key = (r: Rational): string => `${r.n}/${r.d}`;

function checkNotes(notes: readonly PlayedNote[]): void {
  notes.forEach((n, i) => {
    if (!Number.isFinite(n.onset) || !(n.offset > n.onset)) {
      throw new MusicError(`note ${i} ends (${n.offset} s) before it starts (${n.onset} s)`);
    }
    if (!Number.isInteger(n.midi) || n.midi < 0 || n.midi > 127) {
      throw new MusicError(`note ${i} has MIDI number ${n.midi}: it must be a whole number 0–127`);
    }
  });
}

/**
 * Where the score starts, in tracked beats, and how many beats its pickup has. The score starts at the
 * beat of the first note; before the first downbeat that makes a pickup (unless it is a whole measure).
 */
function scoreOrigin(firstBeat: number, downbeat: number, perMeasure: number): [number, number] {
  if (firstBeat < downbeat) {
    const pickup = (((downbeat - firstBeat) % perMeasure) + perMeasure) % perMeasure;
    return [firstBeat, pickup];
  }
  return [downbeat + Math.floor((firstBeat - downbeat) / perMeasure) * perMeasure, 0];
}

export function performanceToScore(notes: readonly PlayedNote[], options: NotationOptions): Score {
  checkNotes(notes);
  const ts = parseTimeSignature(options.meter);
  const compound = isCompoundMeter(ts);
  const quarters = beatLength(ts);
  const perMeasure = beatsPerMeasure(ts);
  const map = beatMap(options.beats);
  const staves = options.staves ?? 1;
  const keySig = options.key ?? C_MAJOR;
  const fineStep = compound ? 1 / 6 : 1 / 4;
  const sorted = [...notes].sort((a, b) => a.onset - b.onset || a.midi - b.midi);

  const firstOnset = sorted.length > 0 ? map.beatAt((sorted[0] as PlayedNote).onset) : 0;
  const [origin, pickupBeats] = scoreOrigin(
    Math.floor(firstOnset + fineStep),
    options.firstDownbeat ?? 0,
    perMeasure,
  );
  const onsets = sorted.map((n) => map.beatAt(n.onset) - origin);
  const ends = sorted.map((n) => map.beatAt(n.offset) - origin);

  const fix = options.fixOctaves ?? isMonophonic(sorted);
  const midis = fix
    ? fixOctaveErrors(
        sorted.map((n, i) => ({
          midi: n.midi,
          beats: (ends[i] as number) - (onsets[i] as number),
          ...(n.confidence === undefined ? {} : { confidence: n.confidence }),
        })),
      )
    : sorted.map((n) => n.midi);

  // Grid choice: every onset counts; a note end counts half, and only where a rest follows it.
  const points: TimePoint[] = onsets.map((beat) => ({ beat, weight: 1 }));
  ends.forEach((end, i) => {
    const next = onsets.find((o) => o > (onsets[i] as number) + fineStep / 2);
    if (next === undefined || end < next - fineStep) points.push({ beat: end, weight: 0.5 });
  });
  const grids = chooseGrids(points, compound, options.tripletPenalty ?? 0.04);
  const starts = onsets.map((o) => {
    const s = snapToGrid(grids, o);
    return s.n < 0 ? rat(0) : s;
  });

  const staffOf = staves === 2 ? handStaves(starts, midis, quarters) : midis.map(() => 1);
  const notated: Note[] = [];
  for (const staff of staves === 2 ? [1, 2] : [1]) {
    const idx = sorted.map((_, i) => i).filter((i) => staffOf[i] === staff);
    const placed = idx.map((i): PlacedNote => ({
      start: starts[i] as Rational,
      onsetBeat: onsets[i] as number,
      endBeat: ends[i] as number,
    }));
    const staffEnds = notatedEnds(placed, grids);
    const seen = new Set<string>();
    idx.forEach((i, k) => {
      const start = starts[i] as Rational;
      const midi = midis[i] as number;
      const id = `${key(start)}|${midi}`;
      if (seen.has(id)) return;
      seen.add(id);
      const position = mul(start, quarters);
      const offset = (onsets[i] as number) * toNumber(quarters) - toNumber(position);
      const performed = Math.round(offset * 1e4) / 1e4;
      notated.push({
        pitch: spellMidi(midi, keySignatureFifths(keySig), isMinorLike(keySig)),
        position,
        duration: mul(sub(staffEnds[k] as Rational, start), quarters),
        staff,
        voice: 1,
        velocity: Math.min(127, Math.max(1, Math.round((sorted[i] as PlayedNote).velocity))),
        ...(options.quantized || performed === 0 ? {} : { offset: performed }),
      });
    });
  }

  return createScore({
    metadata: { ...(options.title === undefined ? {} : { title: options.title }), source: 'transcription' },
    parts: [
      {
        id: 'P1',
        name: options.instrument?.name ?? 'Piano',
        ...(options.instrument ? { program: options.instrument.program } : {}),
        staves,
        clefs: clefsFor(staves, midis),
        notes: notated,
      },
    ],
    pickup: mul(rat(pickupBeats), quarters),
    meters: [{ position: rat(0), timeSignature: ts }],
    keys: [{ position: rat(0), key: keySig }],
    tempos: tempoMarks({
      periods: map.periods,
      origin,
      pickupBeats,
      beatsPerMeasure: perMeasure,
      beatLength: quarters,
    }),
  });
}

function handStaves(starts: readonly Rational[], midis: readonly number[], quarters: Rational): number[] {
  const groups = new Map<string, number[]>();
  starts.forEach((s, i) => {
    const list = groups.get(key(s));
    if (list) list.push(i);
    else groups.set(key(s), [i]);
  });
  const order = [...groups.values()].sort((a, b) => {
    const x = starts[a[0] as number] as Rational;
    const y = starts[b[0] as number] as Rational;
    return toNumber(x) - toNumber(y);
  });
  const clusters = order.map((members) => ({
    position: toNumber(mul(starts[members[0] as number] as Rational, quarters)),
    midis: members.map((i) => midis[i] as number),
  }));
  const out: number[] = midis.map(() => 1);
  splitStaves(clusters).forEach((staffs, c) => {
    (order[c] as number[]).forEach((i, k) => (out[i] = staffs[k] as number));
  });
  return out;
}

function clefsFor(staves: 1 | 2, midis: readonly number[]): Clef[] {
  if (staves === 2) return ['treble', 'bass'];
  const s = [...midis].sort((a, b) => a - b);
  return (s[s.length >> 1] ?? 60) < 55 ? ['bass'] : ['treble'];
}
