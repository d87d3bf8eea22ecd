import {
  measureLength,
  midiOf,
  pitchClassName,
  pitchName,
  sub,
  toNumber,
  type Key,
  type Score,
  type TimeSignature,
} from '@cadenza/core';
import type { ChordInfo, GenerationMetadata, NotePreview } from '@cadenza/contracts';
import { barStart, type Arrangement, type ArrangeRequest, type Feel } from '@cadenza/pedagogy';

/** The spec's key text: "C", "Am", "Bb"; other modes by name ("D dorian"). */
export function keyText(key: Key): string {
  const tonic = pitchClassName(key.tonic);
  if (key.mode === 'major' || key.mode === 'ionian') return tonic;
  if (key.mode === 'minor' || key.mode === 'aeolian') return `${tonic}m`;
  return `${tonic} ${key.mode}`;
}

export function feelLabel(feel: Feel): string {
  if (feel.kind === 'swing') return `${feel.label.toLowerCase()} ${feel.ratio.toFixed(1)}`;
  if (feel.kind === 'laid-back') return `laid back ${feel.delay.toFixed(3)} beat`;
  return 'straight';
}

/** Bar (from 1) and beat (from 1, in the meter's beat unit) of a position in quarter notes. */
function barAndBeat(position: number, meter: TimeSignature): { bar: number; beat: number } {
  const barLength = toNumber(measureLength(meter));
  const bar = Math.floor(position / barLength + 1e-9);
  const beatLength = 4 / meter.beatType;
  return { bar: bar + 1, beat: Math.round(((position - bar * barLength) / beatLength + 1) * 1000) / 1000 };
}

/** The spec's chord_progression: symbol, numeral, spelled notes and the teaching comment, with where. */
export function chordProgressionReport(arrangement: Arrangement, meter: TimeSignature): ChordInfo[] {
  return arrangement.progression.chords.map((event) => ({
    chord_symbol: event.chord.symbol,
    harmonic_function: event.numeral,
    notes: event.chord.notes.map((pc) => pitchClassName(pc)),
    comments: event.comment || null,
    ...barAndBeat(toNumber(event.position), meter),
    duration_beats: toNumber(event.duration),
  }));
}

const PREVIEW_BARS = 4;
const PREVIEW_NOTES = 100;

/** The first four bars as played (swing and laid-back offsets included), at most 100 notes. */
export function notePreview(score: Score, meter: TimeSignature): NotePreview[] {
  const end = toNumber(barStart(PREVIEW_BARS, meter));
  const notes = score.parts
    .flatMap((part) => part.notes)
    .filter((n) => toNumber(n.position) < end - 1e-9)
    .sort((a, b) => toNumber(sub(a.position, b.position)) || midiOf(a.pitch) - midiOf(b.pitch));
  return notes.slice(0, PREVIEW_NOTES).map((n) => ({
    midi_note: midiOf(n.pitch),
    start_time: round(toNumber(n.position) + (n.offset ?? 0)),
    duration: round(toNumber(n.duration)),
    velocity: n.velocity ?? 80,
    note_name: pitchName(n.pitch),
    hand: n.staff === 2 ? 'left' : 'right',
  }));
}

const round = (x: number) => Math.round(x * 10000) / 10000;

export function generationMetadata(request: ArrangeRequest, arrangement: Arrangement): GenerationMetadata {
  const notes = arrangement.score.parts.flatMap((p) => p.notes);
  return {
    tempo: request.tempo,
    key: keyText(request.key),
    time_signature: `${request.meter.beats}/${request.meter.beatType}`,
    num_bars: request.bars,
    note_count: notes.length,
    generation_method: arrangement.generationMethod,
    application: request.application.id,
    feel: feelLabel(arrangement.feel),
    left_hand: arrangement.leftHand,
    right_hand: arrangement.rightHand,
    sections: arrangement.progression.sections.map((s) => ({
      bar: barAndBeat(toNumber(s.position), request.meter).bar,
      label: s.label,
    })),
  };
}
