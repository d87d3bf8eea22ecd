import { createScore, parsePitch, rat, type Bpm, type Score } from '@cadenza/core';
import { describe, expect, it } from 'vitest';
import { noteActivations, synthesizeScore, transcribePcm, transcriptionScore } from '../src/index.js';
import { melodyScore } from './fixtures/melody-recording.js';

// The polyphonic path end to end: basic-pitch's model (npm weights, tfjs wasm backend) on chords played by
// the bundled SoundFont, then our note extraction. ♩ = 80, one chord per half note.
const CHORDS = [
  ['C3', 'G3', 'E4', 'C5'],
  ['F3', 'A3', 'C4', 'F4'],
  ['G2', 'D4', 'G4', 'B4'],
  ['C3', 'E4', 'G4', 'C5'],
];
const SECONDS_PER_CHORD = 1.5;

function choraleScore(): Score {
  return createScore({
    metadata: { title: 'chords' },
    parts: [
      {
        id: 'P1',
        name: 'Piano',
        staves: 2,
        program: 0,
        notes: CHORDS.flatMap((chord, i) =>
          chord.map((name) => ({
            pitch: parsePitch(name),
            position: rat(2 * i),
            duration: rat(2),
            staff: parsePitch(name).octave >= 4 ? 1 : 2,
            voice: 1,
            velocity: 80,
          })),
        ),
      },
    ],
    tempos: [{ position: rat(0), bpm: 80 as Bpm }],
  });
}

describe('polyphonic transcription', () => {
  it('hears every note of four-part piano chords, on time', async () => {
    const pcm = await synthesizeScore(choraleScore());
    const result = await transcribePcm(pcm, { mode: 'poly' });
    expect(result.mode).toBe('poly');
    const heard = CHORDS.map((_, i) =>
      result.analysis.notes
        .filter((n) => Math.abs(n.onset - i * SECONDS_PER_CHORD) < 0.05)
        .map((n) => n.midi)
        .sort((a, b) => a - b),
    );
    const expected = CHORDS.map((chord) =>
      chord
        .map((name) => parsePitch(name))
        .map((p) => 12 * (p.octave + 1) + ({ C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 }[p.step] + p.alter)),
    ).map((c) => c.sort((a, b) => a - b));
    expect(heard).toEqual(expected);
    // Nothing else: no ghosts between the chords.
    expect(result.analysis.notes).toHaveLength(16);
  }, 60_000);

  it('auto moves chords to the note model and keeps a melody on the pitch tracker', async () => {
    const chords = await transcribePcm(await synthesizeScore(choraleScore()), { instrument: 'piano' });
    expect(chords.mode).toBe('poly');
    expect(chords.analysis.unpitchedFraction).toBeUndefined();
    const melody = await transcribePcm(await synthesizeScore(melodyScore()), { instrument: 'piano' });
    expect(melody.mode).toBe('mono');
    expect(melody.analysis.unpitchedFraction).toBeLessThan(0.2);
  }, 60_000);

  it('writes chords on a grand staff', async () => {
    const result = await transcribePcm(await synthesizeScore(choraleScore()), { mode: 'poly' });
    const score = transcriptionScore(result.analysis, { quantized: true });
    const part = score.parts[0];
    expect(part?.staves).toBe(2);
    const staffOf = new Map(part?.notes.map((n) => [`${n.pitch.step}${n.pitch.octave}`, n.staff]));
    expect(staffOf.get('C5')).toBe(1);
    expect(staffOf.get('G2')).toBe(2);
  }, 60_000);

  it('tiles the model frames exactly: one per 256 samples, however long the audio', async () => {
    const samples = new Float32Array(22050 * 5 + 1000);
    const a = await noteActivations(samples);
    expect(a.frameCount).toBe(Math.ceil(samples.length / 256));
    expect(a.frameRate).toBeCloseTo(22050 / 256, 9);
    expect(a.frames).toHaveLength(a.frameCount * 88);
    // Silence: no key is anywhere near sounding.
    expect(Math.max(...a.frames)).toBeLessThan(0.3);
  }, 60_000);
});
