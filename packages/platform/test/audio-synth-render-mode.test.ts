import { beforeAll, describe, expect, it } from 'vitest';
import { createScore, rat, spellMidi, type Bpm, type Note, type Score } from '@cadenza/core';
import { decodeMidiFile, encodeMidiFile, writeMidi } from '@cadenza/formats';
import { synthesizeScore, SynthesisError } from '@cadenza/platform';
import { prepareMidi } from '../src/audio/synth/prepare-midi.js';
import { renderMidi, type RenderedMidi } from '../src/audio/synth/render-midi.js';
import { loadSoundFont } from '../src/audio/synth/soundfont-cache.js';
import type { RenderMode } from '../src/audio/synth/synth-options.js';
import { envelopeDb, spectrum } from './audio-analysis.js';

// The fast render mode (the default: linear interpolation, released voices dropped 60 dB under the
// mix) against the reference mode (Hermite, every voice rings out) on the piece where they differ
// most: the bench's dense pedalled piano study (8 of its 32 bars here), MuseScore General Lite.

const SR = 44100;

/**
 * The bench's dense piano study (scripts/bench-render/synthesis.mjs), `bars` long: ♩ = 100, right hand
 * in sixteenth-note thirds, left hand broken chords in eighths over a held bass, pedal every bar.
 */
function densePiano(bars: number): Score {
  const progression = [
    [48, 52, 55, 60],
    [45, 52, 57, 60],
    [41, 53, 57, 60],
    [43, 50, 55, 59],
  ] as const;
  const notes: Note[] = [];
  const pedals = [];
  const add = (midi: number, sixteenth: number, length: number, velocity: number, voice: number): void => {
    const staff = voice < 5 ? 1 : 2;
    notes.push({
      pitch: spellMidi(midi),
      position: rat(sixteenth, 4),
      duration: rat(length, 4),
      staff,
      voice,
      velocity,
    });
  };
  for (let bar = 0; bar < bars; bar++) {
    const chord = progression[bar % 4]!;
    const start = bar * 16;
    pedals.push({ start: rat(start * 4 + 1, 16), end: rat(start * 4 + 63, 16) });
    add(chord[0] - 12, start, 16, 70, 5);
    for (let e = 0; e < 8; e++)
      add(chord[1 + (e % 3)]! + (e >= 4 ? 12 : 0), start + e * 2, 2, 55 + (e % 4) * 4, 6);
    for (let s = 0; s < 16; s++) {
      const step = [0, 1, 2, 3, 2, 1][s % 6]! + Math.floor(s / 8);
      const top = chord[(1 + step) % 4]! + 12 * (1 + Math.floor((1 + step) / 4));
      const velocity = 60 + ((s * 7 + bar * 3) % 30);
      add(top + 12, start + s, 1, velocity, 1);
      add(top + 8, start + s, 1, velocity - 10, 1);
    }
  }
  return createScore({
    tempos: [{ position: rat(0), bpm: 100 as Bpm }],
    parts: [{ id: 'P1', name: 'Piano', staves: 2, notes, pedals }],
  });
}

/** Raw (unnormalised) render of `score` in `mode`, as synthesizeScore plays it, with voice counts. */
async function render(score: Score, mode: RenderMode): Promise<RenderedMidi> {
  const prepared = prepareMidi(decodeMidiFile(writeMidi(score)), {
    countInBeats: 0,
    metronome: false,
    reverb: false,
  });
  return renderMidi(encodeMidiFile(prepared.file), await loadSoundFont(undefined), {
    sampleRate: SR,
    effects: false,
    endTick: prepared.endTick,
    tailSeconds: 1.5,
    mode,
    onProgress: undefined,
  });
}

/** Third-octave band levels (dB) from 50 Hz to 16 kHz of the 8192-sample Hann window at `from`. */
function bandLevels(x: Float32Array, from: number): number[] {
  const { magnitudes, binHz } = spectrum(x, SR, from, 8192);
  const levels: number[] = [];
  for (let centre = 50; centre < 16000; centre *= 2 ** (1 / 3)) {
    let power = 1e-30;
    for (let k = Math.ceil((centre * 2 ** (-1 / 6)) / binHz); k < (centre * 2 ** (1 / 6)) / binHz; k++) {
      power += magnitudes[k]! ** 2;
    }
    levels.push(10 * Math.log10(power));
  }
  return levels;
}

/**
 * Largest band-level difference between `a` (the reference) and `b`, per 100 ms frame, over the
 * frames within 60 dB of the loudest and the bands within `rangeDb` of that frame's loudest band.
 */
function worstBandDifference(a: Float32Array, b: Float32Array, rangeDb: number): number {
  const frames: [number[], number[]][] = [];
  for (let from = 0; from + 8192 <= a.length; from += SR / 10) {
    frames.push([bandLevels(a, from), bandLevels(b, from)]);
  }
  const loudest = Math.max(...frames.map(([levels]) => Math.max(...levels)));
  let worst = 0;
  for (const [ref, other] of frames) {
    const top = Math.max(...ref);
    if (top < loudest - 60) continue;
    ref.forEach((level, band) => {
      if (level >= top - rangeDb) worst = Math.max(worst, Math.abs(other[band]! - level));
    });
  }
  return worst;
}

/** Signal-to-difference ratio in dB of `x` against `ref` delayed by `lag` samples. */
function snrDb(ref: Float32Array, x: Float32Array, lag: number): number {
  let signal = 0;
  let noise = 0;
  for (let i = lag; i < Math.min(ref.length + lag, x.length); i++) {
    const r = ref[i - lag]!;
    signal += r * r;
    noise += (x[i]! - r) ** 2;
  }
  return 10 * Math.log10(signal / noise);
}

/** Per 5 ms frame: how far the level rises above the previous 20 ms (0 if it does not), in dB. */
function onsetStrength(x: Float32Array): number[] {
  const env = envelopeDb(x, SR, 0.005);
  const top = Math.max(...env);
  return env.map((level, i) =>
    i < 4 || level < top - 40 ? 0 : Math.max(0, level - Math.max(...env.slice(i - 4, i))),
  );
}

describe('render modes: fast (default) against reference on a dense pedalled piano piece', () => {
  const bars = 8;
  let reference: RenderedMidi;
  let fast: RenderedMidi;
  beforeAll(async () => {
    const score = densePiano(bars);
    reference = await render(score, 'reference');
    fast = await render(score, 'fast');
  }, 120_000);

  it('drops the inaudible release tails: a fifth fewer voices on average', () => {
    // Measured: 121 against 149 (MSBasic's piano plays four voices a note: two layers of stereo
    // samples). Over the bench's whole 32 bars: 130 against 176.
    expect(reference.meanVoices).toBeGreaterThan(130);
    expect(fast.meanVoices).toBeLessThan(0.85 * reference.meanVoices);
  });

  it('keeps every band that carries the sound within a fraction of a dB in every 100 ms', () => {
    for (const [a, b] of [
      [reference.left, fast.left],
      [reference.right, fast.right],
    ] as const) {
      // Measured (left): 0.18 dB within 20 dB of each frame's loudest band, 0.52 within 40, 1.04
      // within 60 (6–13 kHz treble that the voices' low-pass filters hold 40–60 dB down, where
      // linear interpolation differs most). A level change needs about 1 dB to be heard on its own.
      expect(worstBandDifference(a, b, 20)).toBeLessThan(0.25);
      expect(worstBandDifference(a, b, 40)).toBeLessThan(0.75);
      expect(worstBandDifference(a, b, 60)).toBeLessThan(1.5);
    }
  });

  it('differs from the reference by a residual 40 dB down, one sample apart', () => {
    // spessasynth's Hermite kernel reads one source sample ahead of its linear one (23 µs at
    // 44.1 kHz), so the renders line up one sample apart; compared there the difference (linear
    // interpolation's treble, and the dropped tails 60 dB under the mix) is 44.5 dB down.
    const best = Math.max(...[0, 1, 2].map((lag) => snrDb(reference.left, fast.left, lag)));
    expect(best).toBeGreaterThan(40);
    expect(snrDb(reference.right, fast.right, 1)).toBeGreaterThan(40);
  });

  it('has the same onsets at the same times, and ends at the same time', () => {
    const a = onsetStrength(reference.left);
    const b = onsetStrength(fast.left);
    const onsets = a.flatMap((rise, i) => (Math.max(rise, b[i]!) >= 2 ? [i] : []));
    // A note-on every sixteenth (128 in 19 s): the level jumps at least 2 dB at 102 frames; the jump
    // differs by 0.31 dB at most between the renders.
    expect(onsets.length).toBeGreaterThan(90);
    for (const i of onsets) expect(Math.abs(a[i]! - b[i]!)).toBeLessThan(1);
    expect(Math.abs(fast.left.length - reference.left.length) / SR).toBeLessThan(0.05);
  });
});

describe('renderMode option', () => {
  const score = createScore({
    tempos: [{ position: rat(0), bpm: 120 as Bpm }],
    parts: [{ notes: [{ pitch: spellMidi(69), position: rat(0), duration: rat(1), staff: 1, voice: 1 }] }],
  });

  it('is fast by default, and reference when asked (a different, Hermite render)', async () => {
    const plain = await synthesizeScore(score);
    const fast = await synthesizeScore(score, { renderMode: 'fast' });
    const reference = await synthesizeScore(score, { renderMode: 'reference' });
    expect(plain.channels[0]).toEqual(fast.channels[0]);
    expect(reference.channels[0]).not.toEqual(fast.channels[0]);
  });

  it('refuses a mode it does not offer', async () => {
    await expect(synthesizeScore(score, { renderMode: 'draft' as RenderMode })).rejects.toBeInstanceOf(
      SynthesisError,
    );
  });
});
