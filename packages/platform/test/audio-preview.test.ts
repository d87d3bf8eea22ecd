import { describe, expect, it } from 'vitest';
import { createScore, parsePitch, rat, type Bpm } from '@cadenza/core';
import { encodeWav16, renderPreview } from '@cadenza/platform';

/** Fundamental by autocorrelation over a window (enough for a clean synthetic tone). */
function estimatePitch(samples: Float32Array, sampleRate: number, from: number, length: number): number {
  const x = samples.subarray(from, from + length);
  let best = 0;
  let bestLag = 0;
  for (let lag = Math.floor(sampleRate / 1000); lag < Math.floor(sampleRate / 50); lag++) {
    let sum = 0;
    for (let i = 0; i + lag < x.length; i++) sum += (x[i] ?? 0) * (x[i + lag] ?? 0);
    if (sum > best) {
      best = sum;
      bestLag = lag;
    }
  }
  return sampleRate / bestLag;
}

const oneNote = (name: string, beats: number, bpm = 120) =>
  createScore({
    tempos: [{ position: rat(0), bpm: bpm as Bpm }],
    parts: [
      { notes: [{ pitch: parsePitch(name), position: rat(0), duration: rat(beats), staff: 1, voice: 1 }] },
    ],
  });

describe('preview synth', () => {
  it('sounds A4 at 440 Hz and C4 at 261.6 Hz', () => {
    for (const [name, hz] of [
      ['A4', 440],
      ['C4', 261.63],
    ] as const) {
      const audio = renderPreview(oneNote(name, 2));
      const f = estimatePitch(audio.channels[0]!, audio.sampleRate, 4410, 4096);
      expect(Math.abs(1200 * Math.log2(f / hz))).toBeLessThan(25); // within a quarter semitone
    }
  });

  it('lasts as long as the tempo says, plus the tail, and never clips', () => {
    const audio = renderPreview(oneNote('E4', 4, 60), { tailSeconds: 1 }); // 4 beats at 60 = 4 s
    expect(audio.channels[0]!.length / audio.sampleRate).toBeCloseTo(5, 2);
    let peak = 0;
    for (const s of audio.channels[0]!) peak = Math.max(peak, Math.abs(s));
    expect(peak).toBeCloseTo(10 ** (-3 / 20), 3);
  });

  it('places a second note at its time', () => {
    const score = createScore({
      parts: [
        {
          notes: [
            { pitch: parsePitch('C5'), position: rat(0), duration: rat(1), staff: 1, voice: 1 },
            { pitch: parsePitch('G5'), position: rat(2), duration: rat(1), staff: 1, voice: 1 },
          ],
        },
      ],
    });
    const audio = renderPreview(score);
    const sr = audio.sampleRate;
    // Beat 2 at 120 bpm is 1 s: silence just before, G5 (784 Hz) just after.
    const energy = (from: number, n: number): number =>
      audio.channels[0]!.subarray(from, from + n).reduce((a, s) => a + s * s, 0) / n;
    expect(energy(Math.floor(0.8 * sr), 2000)).toBeLessThan(1e-6);
    expect(energy(Math.floor(1.02 * sr), 2000)).toBeGreaterThan(1e-3);
    const f = estimatePitch(audio.channels[0]!, sr, Math.floor(1.05 * sr), 4096);
    expect(Math.abs(1200 * Math.log2(f / 783.99))).toBeLessThan(25);
  });

  it('encodes a valid 16-bit stereo WAV header', () => {
    const wav = encodeWav16(renderPreview(oneNote('C4', 1)));
    const view = new DataView(wav.buffer);
    expect(String.fromCharCode(...wav.subarray(0, 4))).toBe('RIFF');
    expect(String.fromCharCode(...wav.subarray(8, 12))).toBe('WAVE');
    expect(view.getUint16(22, true)).toBe(2);
    expect(view.getUint32(24, true)).toBe(44100);
    expect(view.getUint16(34, true)).toBe(16);
    expect(view.getUint32(40, true)).toBe(wav.length - 44);
  });
});
