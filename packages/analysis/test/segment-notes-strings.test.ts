import { describe, expect, it } from 'vitest';
import { transcribeMonophonic } from '../src/index.js';
import { legato, RATE } from './legato-signal.js';

const none = { voicing: 0, onset: 0, pitch: 0, level: 0, harmonics: 0, step: 0 };

describe('note segmentation of a bowed string', () => {
  it('splits a semitone step slurred with a slow 100 ms glide, which a reference that follows the glide misses', () => {
    const { audio, starts } = legato([
      { midi: 71, seconds: 0.6, vibrato: [10, 5.5] },
      { midi: 72, seconds: 0.6, vibrato: [10, 5.5], glide: 0.1 },
    ]);
    const { notes } = transcribeMonophonic(audio, RATE, { instrument: 'strings', onsetLag: none });
    expect(notes.map((n) => n.midi)).toEqual([71, 72]);
    expect(notes[1]?.cue).toBe('pitch');
    // Heard where the pitch settles, within the slide (the instrument's pitch lag then moves it back).
    const found = (notes[1]?.onset ?? 0) - (starts[1] as number);
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThan(0.1);
    // Measured from the pitch so far including the glide, the reference creeps up with it: one note.
    const following = transcribeMonophonic(audio, RATE, {
      instrument: 'strings',
      segment: { pitchReferenceGap: 0 },
    });
    expect(following.notes.map((n) => n.midi)).toHaveLength(1);
  });

  it('hears a re-bowing that falls 9 dB amid a vibrato swinging the level 4 dB as two notes, the vibrato as one', () => {
    const stretches = [
      { midi: 76, seconds: 0.9, vibrato: [25, 5.5] as const },
      { midi: 76, seconds: 0.9, vibrato: [25, 5.5] as const, rebow: true },
    ];
    const tremolo = [0.37, 5.5] as const;
    const { audio, starts } = legato(stretches, { tremolo });
    const { notes } = transcribeMonophonic(audio, RATE, { instrument: 'strings', onsetLag: none });
    expect(notes.map((n) => n.midi)).toEqual([76, 76]);
    expect(notes[1]?.cue).toBe('step');
    expect(Math.abs((notes[1]?.onset ?? 0) - (starts[1] as number))).toBeLessThan(0.05);
    // Any trough a cycle either side taken as vibrato (no share of the step's own depth): one note.
    const strict = transcribeMonophonic(audio, RATE, {
      instrument: 'strings',
      segment: { periodicShare: 0 },
    });
    expect(strict.notes.map((n) => n.midi)).toEqual([76]);
    // The same vibrato without the re-bowing stays one note.
    const steady = legato([{ midi: 76, seconds: 1.8, vibrato: [25, 5.5] }], { tremolo });
    const held = transcribeMonophonic(steady.audio, RATE, { instrument: 'strings' });
    expect(held.notes.map((n) => n.midi)).toEqual([76]);
  });

  it('keeps a fading note whose pitch drifts up a semitone 60 dB down in its tail as one note', () => {
    // A double bass's A2 (6 harmonics) held 1 s, then fading 20 dB a second for 3 s; in the last 0.4 s,
    // 60 dB and more below its peak, the pitch drifts up to B♭2 as a decaying string's does.
    const seconds = 4;
    const audio = new Float32Array(seconds * RATE);
    let phase = 0;
    for (let i = 0; i < audio.length; i++) {
      const t = i / RATE;
      const db = t < 1 ? 0 : -20 * (t - 1);
      const drift = t > 3.6 ? Math.min(1, (t - 3.6) / 0.1) : 0;
      const f = 110 * 2 ** (drift / 12);
      let v = 0;
      for (let k = 1; k <= 6; k++) v += Math.sin(k * phase) / k;
      audio[i] = 0.3 * Math.min(1, t / 0.05) * 10 ** (db / 20) * v;
      phase += (2 * Math.PI * f) / RATE;
    }
    const { notes } = transcribeMonophonic(audio, RATE, { instrument: 'strings' });
    expect(notes.map((n) => n.midi)).toEqual([45]);
  });
});
