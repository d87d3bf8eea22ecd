import { describe, expect, it } from 'vitest';
import { harmonicPhaseDeviation, melodyOnsetLag, trackPitch, transcribeMonophonic } from '../src/index.js';
import { legato, RATE } from './legato-signal.js';

describe('note segmentation of a legato line', () => {
  it('splits two slurred notes a whole tone apart (no level dip) within 20 ms of the change', () => {
    const { audio, starts } = legato([
      { midi: 69, seconds: 0.6 },
      { midi: 71, seconds: 0.6 },
    ]);
    const { notes } = transcribeMonophonic(audio, RATE, { instrument: 'voice' });
    expect(notes.map((n) => n.midi)).toEqual([69, 71]);
    expect(Math.abs((notes[1]?.onset ?? 0) - (starts[1] as number))).toBeLessThan(0.02);
    expect(Math.abs((notes[0]?.onset ?? 0) - (starts[0] as number))).toBeLessThan(0.03);
    expect(notes[1]?.cue).toBe('pitch');
  });

  it('hears three tongued repeats of one pitch through 30 ms soft dips (to −6 dB) as three notes', () => {
    const { audio, starts } = legato([
      { midi: 72, seconds: 0.5 },
      { midi: 72, seconds: 0.5, restart: true },
      { midi: 72, seconds: 0.5, restart: true },
    ]);
    const none = { voicing: 0, onset: 0, pitch: 0, level: 0, harmonics: 0, step: 0 };
    // A voice, a piano and a guitar split repeats on onsets and level dips alone.
    for (const instrument of ['winds'] as const) {
      const { notes } = transcribeMonophonic(audio, RATE, { instrument, onsetLag: none });
      expect(notes.map((n) => n.midi)).toEqual([72, 72, 72]);
      expect(notes.slice(1).map((n) => n.cue)).toEqual(['harmonics', 'harmonics']);
      notes.forEach((n, i) => expect(Math.abs(n.onset - (starts[i] as number))).toBeLessThan(0.03));
    }
  });

  it('hears a bowed string re-bowed on one pitch (the level steps down 9 dB, then swells) as two notes', () => {
    const { audio, starts } = legato([
      { midi: 76, seconds: 0.8, vibrato: [25, 5.5] },
      { midi: 76, seconds: 0.8, vibrato: [25, 5.5], rebow: true },
    ]);
    const none = { voicing: 0, onset: 0, pitch: 0, level: 0, harmonics: 0, step: 0 };
    const { notes } = transcribeMonophonic(audio, RATE, { instrument: 'strings', onsetLag: none });
    expect(notes.map((n) => n.midi)).toEqual([76, 76]);
    expect(notes[1]?.cue).toBe('step');
    expect(Math.abs((notes[1]?.onset ?? 0) - (starts[1] as number))).toBeLessThan(0.05);
  });

  it('keeps the same dips without a fresh phase (a swell, not a re-articulation) as one note', () => {
    const { audio } = legato([
      { midi: 72, seconds: 0.5 },
      { midi: 72, seconds: 0.5 },
    ]);
    const { notes } = transcribeMonophonic(audio, RATE, { instrument: 'winds' });
    expect(notes.map((n) => n.midi)).toEqual([72]);
  });

  it('keeps a note with vibrato of ±30 cents at 6 Hz as one note', () => {
    const { audio } = legato([{ midi: 74, seconds: 1.5, vibrato: [30, 6] }]);
    for (const instrument of ['voice', 'winds', 'strings'] as const) {
      const { notes } = transcribeMonophonic(audio, RATE, { instrument });
      expect(notes.map((n) => n.midi)).toEqual([74]);
    }
  });

  it('keeps a note with a deep 4.5 Hz tremolo (level swinging 10 dB) as one note', () => {
    const { audio } = legato([{ midi: 68, seconds: 2, vibrato: [15, 4.5] }], { tremolo: [0.7, 4.5] });
    for (const instrument of ['voice', 'winds', 'strings'] as const) {
      const { notes } = transcribeMonophonic(audio, RATE, { instrument });
      expect(notes.map((n) => n.midi)).toEqual([68]);
    }
  });
});

describe('harmonicPhaseDeviation', () => {
  it('stays near 0 on a steady tone and jumps where the tone restarts at a new phase', () => {
    const { audio, starts } = legato([
      { midi: 72, seconds: 0.5 },
      { midi: 72, seconds: 0.5, restart: true },
    ]);
    const track = trackPitch(audio, RATE, { fmin: 65, fmax: 2000 });
    const deviation = harmonicPhaseDeviation(audio, track);
    const frameAt = (t: number) => Math.round((t * RATE) / track.hop);
    const steady = Array.from(deviation.slice(frameAt(0.35), frameAt(0.6)));
    expect(Math.max(...steady)).toBeLessThan(0.1);
    const change = frameAt(starts[1] as number);
    const around = Array.from(deviation.slice(change - 2, change + 3));
    expect(Math.max(...around)).toBeGreaterThan(0.5);
    // Unvoiced frames (the silence before the note) are 0.
    expect(deviation[frameAt(0.05)]).toBe(0);
  });
});

describe('melodyOnsetLag', () => {
  it('takes a flux onset as on time and a settled pitch as late for a bowed string', () => {
    const strings = melodyOnsetLag('strings');
    expect(strings.onset).toBeLessThan(0.01);
    expect(strings.pitch).toBeGreaterThan(0.05);
    const piano = melodyOnsetLag('piano');
    expect(Object.values(piano).every((lag) => lag === 0)).toBe(true);
  });
});
