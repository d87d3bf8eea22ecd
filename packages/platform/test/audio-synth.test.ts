import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createScore,
  MusicError,
  parsePitch,
  rat,
  type Bpm,
  type Note,
  type Score,
  type ScoreInit,
} from '@cadenza/core';
import { writeMidi } from '@cadenza/formats';
import {
  encodeWav16,
  synthesizeMidi,
  synthesizeScore,
  SynthesisError,
  type PcmAudio,
} from '@cadenza/platform';
import {
  bandLevelDb,
  decodeWav16,
  envelopeDb,
  onsetTimes,
  pitchHz,
  spectralCentroid,
  spectrum,
} from './audio-analysis.js';

// Every test renders with the default SoundFont (MuseScore General Lite, 40 MB SF3). It is parsed once
// per process (0.2–0.4 s on the development machine) and shared by all renders that follow.

const SR = 44100;

const note = (name: string, position: number, beats: number, velocity?: number): Note => ({
  pitch: parsePitch(name),
  position: rat(Math.round(position * 48), 48),
  duration: rat(Math.round(beats * 48), 48),
  staff: 1,
  voice: 1,
  ...(velocity === undefined ? {} : { velocity }),
});

/** One piano part at ♩ = 120 in 4/4 unless `extra` says otherwise. */
const scoreOf = (notes: Note[], extra: Partial<ScoreInit> = {}): Score =>
  createScore({ tempos: [{ position: rat(0), bpm: 120 as Bpm }], parts: [{ notes }], ...extra });

const left = (audio: PcmAudio): Float32Array => audio.channels[0]!;
const peakOf = (x: Float32Array, from = 0, to = x.length): number => {
  let m = 0;
  for (let i = from; i < Math.min(to, x.length); i++) m = Math.max(m, Math.abs(x[i]!));
  return m;
};
const peak = (audio: PcmAudio): number => Math.max(...audio.channels.map((ch) => peakOf(ch)));
/** Peak of the 40 ms after `t` seconds. */
const peakAt = (x: Float32Array, t: number): number =>
  peakOf(x, Math.floor(t * SR), Math.floor((t + 0.04) * SR));
const energy = (x: Float32Array, from: number, to: number): number =>
  x.subarray(Math.floor(from * SR), Math.floor(to * SR)).reduce((a, s) => a + s * s, 0);
const cents = (f: number, ref: number): number => Math.abs(1200 * Math.log2(f / ref));

/**
 * How long a note sounds: from its onset (first 10 ms frame within 30 dB of the loudest) to the
 * release knee, the first frame after which the level falls by more than 3 dB in 30 ms and more than
 * 10 dB in 100 ms. A held piano note decays about 20 dB/s, so a fixed threshold below the peak would
 * measure that decay, not the note; after the note-off the release falls 5–10 times faster (100–200
 * dB/s), so the knee is where the key came up.
 */
function soundingSeconds(x: Float32Array, sampleRate = SR): { onset: number; length: number } {
  const frame = 0.01;
  const env = envelopeDb(x, sampleRate, frame);
  const top = Math.max(...env);
  const onset = env.findIndex((v) => v >= top - 30);
  const falls = (i: number, frames: number, db: number): boolean => env[i]! - (env[i + frames] ?? -200) > db;
  let knee = onset + 5;
  while (knee + 10 < env.length && !(falls(knee, 3, 3) && falls(knee, 10, 10))) knee++;
  return { onset: onset * frame, length: (knee - onset) * frame };
}

describe('synthesizeScore', () => {
  it('plays an A4 quarter note at 120 bpm as 440 Hz for 0.5 s, through a 16-bit WAV and back', async () => {
    const wav = encodeWav16(await synthesizeScore(scoreOf([note('A4', 0, 1)])));
    const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
    expect(new TextDecoder().decode(wav.subarray(0, 4))).toBe('RIFF');
    expect(new TextDecoder().decode(wav.subarray(8, 12))).toBe('WAVE');
    expect(view.getUint16(34, true)).toBe(16);
    expect(view.getUint32(40, true)).toBe(wav.length - 44);
    const audio = decodeWav16(wav);
    expect(audio.sampleRate).toBe(44100);
    expect(audio.channels).toHaveLength(2);
    const x = audio.channels[0]!;
    expect(Math.abs(pitchHz(x, SR, Math.floor(0.1 * SR)) / 440 - 1)).toBeLessThan(0.01);
    const { onset, length } = soundingSeconds(x);
    expect(onset).toBeLessThan(0.01);
    expect(Math.abs(length - 0.5)).toBeLessThanOrEqual(0.02);
    // The release tail follows, then trailing silence is trimmed: well under the 1.5 s allowance.
    expect(x.length / SR).toBeGreaterThan(0.6);
    expect(x.length / SR).toBeLessThan(0.5 + 1.5 + 0.001);
  });

  it('sounds C4 at 261.6 Hz and a long note for its whole length (1 s at 60 bpm)', async () => {
    const c4 = await synthesizeScore(scoreOf([note('C4', 0, 2)]));
    expect(cents(pitchHz(left(c4), SR, Math.floor(0.1 * SR)), 261.63)).toBeLessThan(17);
    const slow = await synthesizeScore(
      scoreOf([note('E4', 0, 1)], { tempos: [{ position: rat(0), bpm: 60 as Bpm }] }),
    );
    expect(Math.abs(soundingSeconds(left(slow)).length - 1)).toBeLessThanOrEqual(0.02);
  });

  it('shows spectral peaks at C, E and G for a C-major triad, not at D, F or F#', async () => {
    const triad = await synthesizeScore(scoreOf([note('C4', 0, 2), note('E4', 0, 2), note('G4', 0, 2)]));
    const spec = spectrum(left(triad), SR, Math.floor(0.05 * SR));
    for (const hz of [261.63, 329.63, 392.0]) expect(bandLevelDb(spec, hz)).toBeGreaterThan(-12);
    for (const hz of [293.66, 349.23, 369.99, 415.3]) expect(bandLevelDb(spec, hz)).toBeLessThan(-30);
  });

  it('places a later note at its time: silence before beat 2 (1 s), G5 right after', async () => {
    const audio = await synthesizeScore(scoreOf([note('C5', 0, 1), note('G5', 2, 1)]));
    const x = left(audio);
    expect(energy(x, 0.85, 0.99)).toBeLessThan(1e-4);
    expect(energy(x, 1.0, 1.1)).toBeGreaterThan(1);
    expect(cents(pitchHz(x, SR, Math.floor(1.05 * SR)), 783.99)).toBeLessThan(17);
  });

  it('never clips: a loud dense chord peaks exactly at the target, not above', async () => {
    const loud = ['C2', 'G2', 'C3', 'E3', 'G3', 'C4', 'E4', 'G4', 'Bb4', 'C5', 'E5', 'G5', 'C6'];
    const chord = await synthesizeScore(scoreOf(loud.map((p) => note(p, 0, 4, 127))));
    const target = 10 ** (-1 / 20);
    expect(peak(chord)).toBeLessThanOrEqual(target);
    expect(peak(chord)).toBeGreaterThan(target * 0.999);
    const quieter = await synthesizeScore(scoreOf(loud.map((p) => note(p, 0, 4, 127))), { peakDb: -6 });
    expect(peak(quieter)).toBeLessThanOrEqual(10 ** (-6 / 20));
  });

  it('brings a soft single note up to a useful level (loudness target, peak capped)', async () => {
    const soft = await synthesizeScore(scoreOf([note('A4', 0, 2, 20)]));
    expect(peak(soft)).toBeGreaterThan(0.3);
    expect(peak(soft)).toBeLessThanOrEqual(10 ** (-1 / 20));
  });

  it('renders at 48 kHz with the same pitch and timing', async () => {
    const audio = await synthesizeScore(scoreOf([note('A4', 0, 1)]), { sampleRate: 48000 });
    expect(audio.sampleRate).toBe(48000);
    expect(audio.channels).toHaveLength(2);
    const x = left(audio);
    expect(Math.abs(pitchHz(x, 48000, 4800) / 440 - 1)).toBeLessThan(0.01);
    expect(Math.abs(soundingSeconds(x, 48000).length - 0.5)).toBeLessThanOrEqual(0.02);
  });

  it('adds a reverb tail when reverb is on, and is dry when it is off', async () => {
    const score = scoreOf([note('A4', 0, 1)]);
    const dry = left(await synthesizeScore(score));
    const wet = left(await synthesizeScore(score, { reverb: true }));
    // 0.4–0.9 s after the note-off the dry release has died away; the reverb is still ringing.
    const dryTail = energy(dry, 0.9, 1.4) / energy(dry, 0, 0.5);
    const wetTail = energy(wet, 0.9, 1.4) / energy(wet, 0, 0.5);
    expect(dryTail).toBeLessThan(1e-6);
    expect(wetTail).toBeGreaterThan(1000 * dryTail);
    expect(wetTail).toBeGreaterThan(1e-4);
  });

  it('counts in exactly N beats: clicks on each beat, the first accented, then the music', async () => {
    const score = scoreOf([note('A4', 0, 1)]);
    const plain = onsetTimes(left(await synthesizeScore(score)), SR);
    expect(plain[0]).toBeLessThan(0.01);
    const x = left(await synthesizeScore(score, { countInBeats: 4 }));
    const onsets = onsetTimes(x, SR);
    expect(onsets).toHaveLength(5);
    [0, 0.5, 1, 1.5, 2].forEach((t, i) => expect(Math.abs(onsets[i]! - t)).toBeLessThanOrEqual(0.01));
    // The fifth onset is the note: 4 beats at 120 bpm = 2 s later than without the count-in.
    expect(cents(pitchHz(x, SR, Math.floor(2.1 * SR)), 440)).toBeLessThan(17);
    expect(peakAt(x, 0)).toBeGreaterThan(1.2 * peakAt(x, 0.5));
  });

  it('counts in felt beats: two dotted quarters in 6/8', async () => {
    const score = scoreOf([note('A4', 0, 1.5)], {
      meters: [{ position: rat(0), timeSignature: { beats: 6, beatType: 8 } }],
    });
    const onsets = onsetTimes(left(await synthesizeScore(score, { countInBeats: 2 })), SR);
    expect(onsets).toHaveLength(3);
    [0, 0.75, 1.5].forEach((t, i) => expect(Math.abs(onsets[i]! - t)).toBeLessThanOrEqual(0.01));
  });

  it('clicks a metronome on every beat through meter and tempo changes, downbeats accented', async () => {
    // 3/4: bar 1 at ♩ = 120 (beats at 0, 0.5, 1 s), bar 2 at ♩ = 60 (1.5, 2.5, 3.5 s); one soft short note.
    const score = scoreOf([note('C4', 0, 0.25, 40)], {
      meters: [{ position: rat(0), timeSignature: { beats: 3, beatType: 4 } }],
      tempos: [
        { position: rat(0), bpm: 120 as Bpm },
        { position: rat(3), bpm: 60 as Bpm },
      ],
      end: rat(6),
    });
    const x = left(await synthesizeScore(score, { metronome: true }));
    const expected = [0, 0.5, 1, 1.5, 2.5, 3.5];
    const onsets = onsetTimes(x, SR);
    expect(onsets).toHaveLength(expected.length);
    expected.forEach((t, i) => expect(Math.abs(onsets[i]! - t)).toBeLessThanOrEqual(0.01));
    for (const weak of [0.5, 1, 2.5, 3.5]) expect(peakAt(x, 1.5)).toBeGreaterThan(1.2 * peakAt(x, weak));
    // The score ends at beat 6 (4.5 s); no click there or after.
    expect(x.length / SR).toBeGreaterThanOrEqual(4.5);
    expect(onsets.every((t) => t < 4.5)).toBe(true);
  });

  it('does not accent a pickup beat; the first full bar is accented', async () => {
    const score = scoreOf([note('G4', 0, 1, 40), note('C5', 1, 1, 40)], { pickup: rat(1), end: rat(5) });
    const x = left(await synthesizeScore(score, { metronome: true }));
    const onsets = onsetTimes(x, SR);
    [0, 0.5, 1, 1.5, 2].forEach((t, i) => expect(Math.abs(onsets[i]! - t)).toBeLessThanOrEqual(0.01));
    expect(peakAt(x, 0.5)).toBeGreaterThan(1.2 * peakAt(x, 1));
    expect(peakAt(x, 0)).toBeLessThan(peakAt(x, 0.5));
  });

  it('plays each part with its instrument: flute (73) is brighter than piano (0)', async () => {
    const score = scoreOf([note('A4', 0, 2)]);
    const centroid = async (audio: Promise<PcmAudio>): Promise<number> =>
      spectralCentroid(spectrum(left(await audio), SR, Math.floor(0.1 * SR), 8192));
    const piano = await centroid(synthesizeScore(score));
    const flute = await centroid(synthesizeScore(score, { instruments: { P1: 73 } }));
    expect(flute / piano).toBeGreaterThan(1.2);
    // The part's own program is used when no instrument is chosen.
    const own = await centroid(
      synthesizeScore({ ...score, parts: score.parts.map((p) => ({ ...p, program: 73 })) }),
    );
    expect(Math.abs(own / flute - 1)).toBeLessThan(0.01);
  });

  it('renders a score of rests as silence of its length', async () => {
    const rests = await synthesizeScore(scoreOf([], { end: rat(8) }));
    expect(rests.channels[0]!.length).toBe(4 * SR);
    expect(peak(rests)).toBe(0);
  });

  it('reports progress from 0 to 1', async () => {
    const seen: number[] = [];
    const notes = Array.from({ length: 16 }, (_, i) => note(i % 2 ? 'E4' : 'C4', i, 1));
    await synthesizeScore(scoreOf(notes), { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= seen[i - 1]!))).toBe(true);
    expect(seen[seen.length - 1]).toBe(1);
  });

  it('refuses options out of range and instruments for parts the score lacks', async () => {
    const score = scoreOf([note('A4', 0, 1)]);
    await expect(synthesizeScore(score, { sampleRate: 22050 as 44100 })).rejects.toThrow(/44100 or 48000/);
    await expect(synthesizeScore(score, { instruments: { P7: 0 } })).rejects.toThrow(/part P7.*P1/);
    await expect(synthesizeScore(score, { instruments: { P1: 128 } })).rejects.toBeInstanceOf(SynthesisError);
    await expect(synthesizeScore(score, { countInBeats: -1 })).rejects.toBeInstanceOf(SynthesisError);
  });

  it('names a missing or corrupt SoundFont', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadenza-synth-'));
    const score = scoreOf([note('A4', 0, 1)]);
    const missing = join(dir, 'missing.sf2');
    await expect(synthesizeScore(score, { soundFont: missing })).rejects.toThrow(missing);
    const junk = join(dir, 'junk.sf2');
    const bytes = new Uint8Array(4096).fill(7);
    bytes.set(new TextEncoder().encode('RIFF'), 0);
    bytes.set(new TextEncoder().encode('sfbk'), 8);
    writeFileSync(junk, bytes);
    const error = await synthesizeScore(score, { soundFont: junk }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SynthesisError);
    expect((error as SynthesisError).code).toBe('soundfont');
    expect((error as Error).message).toContain('junk.sf2');
  });
});

describe('synthesizeMidi', () => {
  it('plays MIDI bytes like the score they came from, count-in included', async () => {
    const bytes = writeMidi(scoreOf([note('A4', 0, 1)]));
    const x = left(await synthesizeMidi(bytes, { countInBeats: 2 }));
    const onsets = onsetTimes(x, SR);
    [0, 0.5, 1].forEach((t, i) => expect(Math.abs(onsets[i]! - t)).toBeLessThanOrEqual(0.01));
    expect(Math.abs(pitchHz(x, SR, Math.floor(1.1 * SR)) / 440 - 1)).toBeLessThan(0.01);
  });

  it('rejects bytes that are not MIDI, or a truncated file, with a MusicError', async () => {
    await expect(synthesizeMidi(new TextEncoder().encode('hello'))).rejects.toBeInstanceOf(MusicError);
    const whole = writeMidi(scoreOf([note('A4', 0, 1)]));
    await expect(synthesizeMidi(whole.subarray(0, 30))).rejects.toBeInstanceOf(MusicError);
  });
});
