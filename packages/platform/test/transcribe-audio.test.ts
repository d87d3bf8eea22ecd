import {
  createScore,
  midiOf,
  parsePitch,
  pitchName,
  rat,
  toNumber,
  type Bpm,
  type Note,
  type Score,
} from '@cadenza/core';
import { noteMetrics, type NoteEvent } from '@cadenza/analysis';
import { describe, expect, it } from 'vitest';
import {
  encodeWav,
  synthesizeScore,
  transcribeAudio,
  transcribePcm,
  transcriptionScore,
  TranscriptionError,
} from '../src/index.js';

// End to end on real synthesis: a melody played by the bundled SoundFont (MuseScore General Lite),
// decoded and transcribed, scored with mir_eval's note F1 against the score that made it.
const hz = (midi: number) => 440 * 2 ** ((midi - 69) / 12);
const TEMPO = 96;

/** "Frère Jacques" in F, two bars per line, quarters and eighths, a half note at each line's end. */
function frereJacques(): Score {
  const line: [string, number][] = [
    ['F4', 1],
    ['G4', 1],
    ['A4', 1],
    ['F4', 1],
    ['F4', 1],
    ['G4', 1],
    ['A4', 1],
    ['F4', 1],
    ['A4', 1],
    ['Bb4', 1],
    ['C5', 2],
    ['A4', 1],
    ['Bb4', 1],
    ['C5', 2],
    ['C5', 0.5],
    ['D5', 0.5],
    ['C5', 0.5],
    ['Bb4', 0.5],
    ['A4', 1],
    ['F4', 1],
    ['C5', 0.5],
    ['D5', 0.5],
    ['C5', 0.5],
    ['Bb4', 0.5],
    ['A4', 1],
    ['F4', 1],
    ['F4', 1],
    ['C4', 1],
    ['F4', 2],
    ['F4', 1],
    ['C4', 1],
    ['F4', 2],
  ];
  let at = 0;
  const notes: Note[] = line.map(([name, beats]) => {
    const note: Note = {
      pitch: parsePitch(name),
      position: rat(Math.round(at * 2), 2),
      duration: rat(Math.round(beats * 2), 2),
      staff: 1,
      voice: 1,
      velocity: 90,
    };
    at += beats;
    return note;
  });
  return createScore({
    metadata: { title: 'Frère Jacques' },
    parts: [{ id: 'P1', name: 'Piano', staves: 1, program: 0, notes }],
    tempos: [{ position: rat(0), bpm: TEMPO as Bpm }],
  });
}

const truth = (score: Score): NoteEvent[] =>
  (score.parts[0]?.notes ?? []).map((n) => ({
    onset: (toNumber(n.position) * 60) / TEMPO,
    offset: (toNumber(n.position) + toNumber(n.duration)) * (60 / TEMPO),
    pitchHz: hz(midiOf(n.pitch)),
  }));

describe('transcribeAudio', () => {
  it('transcribes a synthesised piano melody: note F1 ≥ 0.95, in F major, near the tempo', async () => {
    const score = frereJacques();
    const pcm = await synthesizeScore(score, { reverb: false });
    const wav = encodeWav(pcm, { bitDepth: 16 });
    const result = await transcribeAudio(wav, { fileName: 'frere.wav' });
    const found: NoteEvent[] = result.analysis.notes.map((n) => ({
      onset: n.onset,
      offset: n.offset,
      pitchHz: hz(n.midi),
    }));
    const metrics = noteMetrics(truth(score), found);
    expect(metrics.f1NoOffset).toBeGreaterThanOrEqual(0.95);
    expect(result.analysis.key?.tonic).toBe(5);
    expect(result.analysis.key?.mode).toBe('major');
    const ratio = result.analysis.bpm / TEMPO;
    expect([0.5, 1, 2].some((r) => Math.abs(ratio / r - 1) < 0.04)).toBe(true);
    expect(result.mode).toBe('mono');
    // As notation: the same pitches, spelled in F (B♭, never A♯), the rhythm of the score.
    const notated = transcriptionScore(result.analysis, { title: 'Frère Jacques', quantized: true });
    const written = notated.parts[0]?.notes ?? [];
    const source = score.parts[0]?.notes ?? [];
    expect(written.map((n) => pitchName(n.pitch))).toEqual(source.map((n) => pitchName(n.pitch)));
    // Every rhythm exact (in beats at the tracked tempo); the last note rings on as a piano's does.
    const beats = (n: Note, bpm: number) => (toNumber(n.duration) * bpm) / 96;
    const bpm = Number(notated.tempos[0]?.bpm ?? 96);
    expect(written.slice(0, -1).map((n) => beats(n, bpm))).toEqual(
      source.slice(0, -1).map((n) => beats(n, TEMPO)),
    );
    expect(beats(written.at(-1) as Note, bpm)).toBeGreaterThanOrEqual(2);
    // The part is named for what played it: the hint's family, or what the player named.
    expect(notated.parts[0]?.name).toBe('Piano');
    const hinted = transcriptionScore(result.analysis, { instrument: 'winds' }).parts[0];
    expect([hinted?.name, hinted?.program]).toEqual(['Winds', 73]);
    const named = transcriptionScore(result.analysis, {
      instrument: 'winds',
      part: { name: 'Clarinet', program: 71 },
    }).parts[0];
    expect([named?.name, named?.program]).toEqual(['Clarinet', 71]);
  });

  it('refuses silence, whichever path is asked for, with a TranscriptionError naming the problem', async () => {
    const silent = { sampleRate: 44100, channels: [new Float32Array(44100)] };
    await expect(transcribePcm(silent, { fileName: 'quiet.wav' })).rejects.toThrow(/'quiet.wav' is silent/);
    await expect(transcribePcm(silent, { mode: 'poly' })).rejects.toThrow(TranscriptionError);
  });
});
