import { describe, expect, it } from 'vitest';
import {
  MELODY_ONSET_LAG,
  melodyOnsetLag,
  noteMetrics,
  transcribeMonophonic,
  type NoteEvent,
} from '../src/index.js';

const RATE = 22_050;
const hz = (midi: number) => 440 * 2 ** ((midi - 69) / 12);

interface Played {
  readonly midi: number;
  readonly start: number;
  readonly seconds: number;
}

/**
 * A melody rendered as a sung-like tone (8 harmonics falling off, 40 ms attack, 30 ms release) or a
 * pluck (exponential decay), with optional vibrato (cents, Hz) on each note.
 */
function render(
  notes: readonly Played[],
  style: 'sung' | 'pluck',
  vibrato: readonly [number, number] = [0, 0],
): Float32Array {
  const end = Math.max(...notes.map((n) => n.start + n.seconds)) + 0.5;
  const out = new Float32Array(Math.round(end * RATE));
  for (const n of notes) {
    const first = Math.round(n.start * RATE);
    const count = Math.round(n.seconds * RATE);
    let phase = 0;
    for (let i = 0; i < count; i++) {
      const t = i / RATE;
      const cents = vibrato[0] * Math.sin(2 * Math.PI * vibrato[1] * t);
      const f = hz(n.midi) * 2 ** (cents / 1200);
      const envelope =
        style === 'pluck'
          ? Math.exp(-t * 3) * Math.min(1, t / 0.003)
          : Math.min(1, t / 0.04) * Math.min(1, (n.seconds - t) / 0.03);
      let v = 0;
      for (let k = 1; k <= 8; k++) v += Math.sin(k * phase) / k;
      out[first + i] = (out[first + i] as number) + 0.3 * envelope * v;
      phase += (2 * Math.PI * f) / RATE;
    }
  }
  return out;
}

/** "Ode to Joy" (16 bars) at ♩ = 100 in D major: repeated notes, dotted rhythms, gaps between notes. */
function odeToJoy(): Played[] {
  const beat = 0.6;
  const phrase = (close: [number, number][]): [number, number][] => [
    [66, 1],
    [66, 1],
    [67, 1],
    [69, 1],
    [69, 1],
    [67, 1],
    [66, 1],
    [64, 1],
    [62, 1],
    [62, 1],
    [64, 1],
    [66, 1],
    ...close,
  ];
  // The two phrases: the first ends on E (half cadence), the second home on D.
  const line = [
    ...phrase([
      [66, 1.5],
      [64, 0.5],
      [64, 2],
    ]),
    ...phrase([
      [64, 1.5],
      [62, 0.5],
      [62, 2],
    ]),
  ];
  let t = 0.3;
  return line.map(([midi, beats]) => {
    const played = { midi, start: t, seconds: beats * beat * 0.92 };
    t += beats * beat;
    return played;
  });
}

const asEvents = (notes: readonly { onset: number; offset: number; midi: number }[]): NoteEvent[] =>
  notes.map((n) => ({ onset: n.onset, offset: n.offset, pitchHz: hz(n.midi) }));
const truth = (notes: readonly Played[]): NoteEvent[] =>
  notes.map((n) => ({ onset: n.start, offset: n.start + n.seconds, pitchHz: hz(n.midi) }));

describe('transcribeMonophonic', () => {
  it.each([
    ['sung', [0, 0]],
    ['sung with vibrato', [40, 5.5]],
    ['plucked', [0, 0]],
  ] as const)('%s melody: every note found (F1 = 1, onsets within 50 ms), in D major', (label, vibrato) => {
    const melody = odeToJoy();
    const audio = render(melody, label === 'plucked' ? 'pluck' : 'sung', vibrato);
    const result = transcribeMonophonic(audio, RATE);
    const metrics = noteMetrics(truth(melody), asEvents(result.notes));
    expect(result.notes.map((n) => n.midi)).toEqual(melody.map((n) => n.midi));
    expect(metrics.f1NoOffset).toBe(1);
    expect(result.key?.tonic).toBe(2);
    expect(result.key?.mode).toBe('major');
    expect(result.confidence).toBeGreaterThan(0.6);
  });

  it('finds the tempo of a steady melody within 4 %', () => {
    const beat = 0.5; // ♩ = 120
    const melody: Played[] = Array.from({ length: 24 }, (_, i) => ({
      midi: [60, 62, 64, 65, 67, 65, 64, 62][i % 8] as number,
      start: 0.2 + i * beat,
      seconds: beat * 0.9,
    }));
    const result = transcribeMonophonic(render(melody, 'pluck'), RATE);
    expect(Math.abs(result.bpm - 120) / 120).toBeLessThan(0.04);
    expect(result.beats.length).toBeGreaterThan(18);
  });

  it('splits repeated plucks of one pitch with no gap between them', () => {
    const melody: Played[] = [0, 1, 2, 3, 4, 5].map((i) => ({
      midi: 57,
      start: 0.2 + i * 0.4,
      seconds: 0.4,
    }));
    const result = transcribeMonophonic(render(melody, 'pluck'), RATE);
    expect(result.notes.map((n) => n.midi)).toEqual([57, 57, 57, 57, 57, 57]);
    expect(noteMetrics(truth(melody), asEvents(result.notes)).f1NoOffset).toBe(1);
  });

  it('moves each note’s start by its instrument’s lag for the cue that found it', () => {
    const audio = render(odeToJoy(), 'sung', [0, 0]);
    const none = { voicing: 0, onset: 0, pitch: 0, level: 0, harmonics: 0, step: 0 };
    for (const instrument of ['winds', 'strings', 'voice'] as const) {
      const heard = transcribeMonophonic(audio, RATE, { instrument, onsetLag: none });
      const shifted = transcribeMonophonic(audio, RATE, { instrument });
      const lags = melodyOnsetLag(instrument);
      expect(shifted.notes.map((n) => n.midi)).toEqual(heard.notes.map((n) => n.midi));
      shifted.notes.forEach((n, i) =>
        expect(n.onset).toBeCloseTo(Math.max(0, (heard.notes[i]?.onset ?? 0) - lags[n.cue ?? 'voicing']), 9),
      );
    }
    // Bowed and blown notes swell, so they are heard late and move earlier; a voice's move a little later.
    expect(MELODY_ONSET_LAG.strings).toBeGreaterThan(0.02);
    expect(MELODY_ONSET_LAG.winds).toBeGreaterThan(0.02);
    expect(melodyOnsetLag('voice').onset).toBeLessThan(0);
    expect(melodyOnsetLag('piano').onset).toBe(0);
  });

  it('gives no notes and zero confidence for silence', () => {
    const result = transcribeMonophonic(new Float32Array(RATE * 2), RATE);
    expect(result.notes).toEqual([]);
    expect(result.confidence).toBe(0);
  });
});
