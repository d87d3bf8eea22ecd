import { describe, expect, it } from 'vitest';
import {
  looksPolyphonic,
  meanPolyphony,
  notesFromActivations,
  ONSET_LAG,
  transcribePolyphonic,
  type NoteActivations,
} from '../src/index.js';

// Synthetic activation matrices: 100 frames per second, 88 keys from A0 (MIDI 21).
const RATE = 100;
const KEYS = 88;

function activations(seconds: number): NoteActivations & { frames: Float32Array; onsets: Float32Array } {
  const frameCount = Math.round(seconds * RATE);
  return {
    frames: new Float32Array(frameCount * KEYS),
    onsets: new Float32Array(frameCount * KEYS),
    frameCount,
    frameRate: RATE,
    lowestMidi: 21,
    keys: KEYS,
  };
}

/** A note of `midi` sounding from `from` to `to` seconds at `level`, with an onset bump of `strike` at `from`. */
function sound(
  a: ReturnType<typeof activations>,
  midi: number,
  from: number,
  to: number,
  level = 0.8,
  strike = 0.9,
) {
  const key = midi - 21;
  for (let t = Math.round(from * RATE); t < Math.round(to * RATE); t++) a.frames[t * KEYS + key] = level;
  const t0 = Math.round(from * RATE);
  if (strike > 0) {
    a.onsets[t0 * KEYS + key] = strike;
    a.onsets[(t0 - 1) * KEYS + key] = strike / 3;
    a.onsets[(t0 + 1) * KEYS + key] = strike / 3;
  }
}

const brief = (notes: readonly { onset: number; offset: number; midi: number }[]) =>
  notes.map((n) => [n.midi, Math.round(n.onset * 100) / 100, Math.round(n.offset * 100) / 100]);

describe('notesFromActivations', () => {
  it('makes a note from each onset peak, lasting while the frames hold', () => {
    const a = activations(3);
    sound(a, 60, 0.5, 1.5);
    sound(a, 64, 0.5, 1.5);
    sound(a, 67, 1.0, 2.0);
    expect(brief(notesFromActivations(a))).toEqual([
      [60, 0.5, 1.5],
      [64, 0.5, 1.5],
      [67, 1, 2],
    ]);
  });

  it('bridges short dips in a held note but ends it at a long one (what follows is a new, unstruck note)', () => {
    const a = activations(3);
    sound(a, 60, 0.5, 1.5);
    for (let t = 100; t < 103; t++) a.frames[t * KEYS + 39] = 0.1; // 30 ms dip at 1.0 s
    sound(a, 62, 0.5, 2.5);
    for (let t = 100; t < 120; t++) a.frames[t * KEYS + 41] = 0.1; // 200 ms silence at 1.0 s
    expect(brief(notesFromActivations(a))).toEqual([
      [60, 0.5, 1.5],
      [62, 0.5, 1],
      [62, 1.2, 2.5],
    ]);
  });

  it('re-strikes a held key only on a strong onset (a repeated note), not a weak one (the note going on)', () => {
    const a = activations(3);
    sound(a, 69, 0.2, 2.8);
    a.onsets[100 * KEYS + 48] = 0.6; // weak peak at 1.0 s inside the held A4
    a.onsets[200 * KEYS + 48] = 0.95; // a real re-strike at 2.0 s
    expect(brief(notesFromActivations(a))).toEqual([
      [69, 0.2, 2],
      [69, 2, 2.8],
    ]);
  });

  it('drops a faint octave or twelfth that starts with a strong note, but keeps a real octave doubling', () => {
    const a = activations(3);
    sound(a, 48, 0.5, 1.5, 0.9); // C3 …
    sound(a, 60, 0.5, 1.5, 0.3, 0.6); // … and its faint overtone C4
    sound(a, 67, 0.5, 1.5, 0.25, 0.6); // … and a faint twelfth G4
    sound(a, 50, 2.0, 2.8, 0.8); // D3 and D4 both played
    sound(a, 62, 2.0, 2.8, 0.7);
    expect(brief(notesFromActivations(a)).map(([midi]) => midi)).toEqual([48, 50, 62]);
  });

  it('keeps a long, strong note whose attack the model missed, and drops blips shorter than 60 ms', () => {
    const a = activations(3);
    sound(a, 72, 1.0, 1.6, 0.8, 0);
    sound(a, 74, 2.0, 2.04, 0.9);
    expect(brief(notesFromActivations(a))).toEqual([[72, 1, 1.6]]);
  });

  it('places the onset between frames from the shape of the peak and applies the latency', () => {
    const a = activations(2);
    sound(a, 60, 0.5, 1.5);
    a.onsets[51 * KEYS + 39] = 0.9; // a flat-topped peak over 0.50 and 0.51 s
    const [note] = notesFromActivations(a, { latency: -0.01 });
    expect(note?.onset).toBeCloseTo(0.505 - 0.01, 3);
  });

  it('gives louder notes higher velocities and confidences in 0–1', () => {
    const a = activations(2);
    sound(a, 60, 0.2, 0.8, 0.95);
    sound(a, 64, 1.0, 1.6, 0.4);
    const [loud, soft] = notesFromActivations(a);
    expect(loud?.velocity).toBeGreaterThan(soft?.velocity ?? 127);
    for (const n of [loud, soft]) {
      expect(n?.confidence).toBeGreaterThan(0);
      expect(n?.confidence).toBeLessThanOrEqual(1);
    }
  });
});

describe('meanPolyphony', () => {
  it('is 1 for a melody, 3 for triads, and weights by time', () => {
    expect(
      meanPolyphony([
        { onset: 0, offset: 1 },
        { onset: 1, offset: 2 },
      ]),
    ).toBe(1);
    const triad = (t: number) => [0, 1, 2].map(() => ({ onset: t, offset: t + 1 }));
    expect(meanPolyphony([...triad(0), ...triad(1)])).toBe(3);
    expect(
      meanPolyphony([
        { onset: 0, offset: 3 },
        { onset: 2, offset: 3 },
      ]),
    ).toBeCloseTo(4 / 3, 9);
    expect(meanPolyphony([])).toBe(0);
  });
});

describe('looksPolyphonic', () => {
  const line = [0, 1, 2, 3].map((t) => ({ onset: t, offset: t + 1 }));
  it('says chords when the note model hears many more notes than the pitch tracker, or overlapping ones', () => {
    const triads = line.flatMap((n) => [n, n, n]);
    expect(looksPolyphonic(triads, line)).toBe(true);
    expect(looksPolyphonic(line, line)).toBe(false);
    // Legato overlaps of 10 % are still a line.
    expect(
      looksPolyphonic(
        line.map((n) => ({ ...n, offset: n.offset + 0.1 })),
        line,
      ),
    ).toBe(false);
  });
});

describe('transcribePolyphonic', () => {
  it('moves the notes earlier by the instrument’s onset lag (bowed strings), and not for a piano', () => {
    const a = activations(3);
    sound(a, 60, 1.0, 2.0);
    const samples = new Float32Array(3 * 22050);
    const piano = transcribePolyphonic(samples, 22050, a, { instrument: 'piano' });
    const strings = transcribePolyphonic(samples, 22050, a, { instrument: 'strings' });
    expect(piano.notes[0]?.onset).toBeCloseTo(1.0, 6);
    expect(strings.notes[0]?.onset).toBeCloseTo(1.0 - ONSET_LAG.strings, 6);
    expect(ONSET_LAG.strings).toBeGreaterThan(0);
  });
});
