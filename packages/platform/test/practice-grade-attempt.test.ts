import { createScore, rat, spellMidi, type Bpm } from '@cadenza/core';
import { encodeMidiFile, type MidiEvent } from '@cadenza/formats';
import { expectedNotesFromScore, type ExpectedNote, type PlayedNote } from '@cadenza/pedagogy';
import { describe, expect, it } from 'vitest';
import { encodeWav16, synthesizeMidi, TranscriptionError } from '../src/index.js';
import { gradeAttemptFile, isMidiFile, playedNotesFromMidi } from '../src/practice/grade-attempt.js';

// End to end: a take is written as MIDI (as a keyboard would send it) or rendered with the bundled
// SoundFont and transcribed back, then graded against the exercise that asked for it.

/** G major, one octave up and down in eighths at ♩ = 100: 15 notes, 0.3 s apart. */
function exercise(): ExpectedNote[] {
  const steps = [0, 2, 4, 5, 7, 9, 11, 12, 11, 9, 7, 5, 4, 2, 0];
  const notes = steps.map((s, i) => ({
    pitch: spellMidi(55 + s, 1),
    position: rat(i, 2),
    duration: rat(1, 2),
    staff: 1,
    voice: 1,
  }));
  return expectedNotesFromScore(
    createScore({ tempos: [{ position: rat(0), bpm: 100 as Bpm }], parts: [{ notes }] }),
  );
}

/**
 * The take: 10 % slower, starting 0.8 s in; note 4 (D4) played as D#4, note 9 (E5) left out, note 12 (B3)
 * 150 ms late.
 */
function flawedTake(expected: readonly ExpectedNote[]): PlayedNote[] {
  const played: PlayedNote[] = [];
  expected.forEach((e, i) => {
    if (i === 9) return;
    const onset = 0.8 + 1.1 * e.onset + (i === 12 ? 0.15 : 0);
    const offset = Math.min(onset + 0.28, 0.8 + 1.1 * (e.onset + 0.3) - 0.02 + (i === 12 ? 0.15 : 0));
    played.push({ onset, offset, midi: e.midi + (i === 4 ? 1 : 0), velocity: 84 });
  });
  return played;
}

/** A format-1 file at ♩ = `bpm` (960 ticks a quarter) holding the played notes. */
function midiBytes(played: readonly PlayedNote[], bpm: number): Uint8Array {
  const ticksPerSecond = (960 * bpm) / 60;
  const tick = (s: number) => Math.round(s * ticksPerSecond);
  const events: MidiEvent[] = played
    .flatMap((n): MidiEvent[] => [
      { type: 'noteOn', tick: tick(n.onset), channel: 0, key: n.midi, velocity: n.velocity },
      { type: 'noteOff', tick: tick(n.offset), channel: 0, key: n.midi, velocity: 0 },
    ])
    .sort((a, b) => a.tick - b.tick);
  const end = Math.max(...events.map((e) => e.tick));
  return encodeMidiFile({
    format: 1,
    ticksPerQuarter: 960,
    tracks: [
      [
        { type: 'setTempo', tick: 0, microsecondsPerQuarter: Math.round(60e6 / bpm) },
        { type: 'endOfTrack', tick: 0 },
      ],
      [...events, { type: 'endOfTrack', tick: end }],
    ],
  });
}

const WANTED = [
  'correct',
  'correct',
  'correct',
  'correct',
  'wrong-pitch',
  'correct',
  'correct',
  'correct',
  'correct',
  'missed',
  'correct',
  'correct',
  'late',
  'correct',
  'correct',
];

describe('gradeAttemptFile', () => {
  const expected = exercise();
  const take = flawedTake(expected);

  it('reads a MIDI performance in seconds through its tempo', () => {
    const bytes = midiBytes(take, 75);
    expect(isMidiFile(bytes)).toBe(true);
    const read = playedNotesFromMidi(bytes);
    expect(read.map((n) => n.midi)).toEqual(take.map((n) => n.midi));
    read.forEach((n, i) => expect(Math.abs(n.onset - (take[i] as PlayedNote).onset)).toBeLessThan(0.001));
  });

  it('grades a MIDI take note by note, with the tempo played', async () => {
    const result = await gradeAttemptFile(expected, midiBytes(take, 100), { expectedBpm: 100 });
    expect(result.source).toBe('midi');
    expect(result.grade.notes.map((n) => n.verdict)).toEqual(WANTED);
    expect(result.grade.notes[4]?.playedMidi).toBe(63);
    expect(result.grade.tempo.playedBpm).toBeGreaterThan(89.5);
    expect(result.grade.tempo.playedBpm).toBeLessThan(92.5);
    expect(result.grade.extra).toEqual([]);
  });

  it('grades a SoundFont recording of the same take (WAV) the same way', async () => {
    const pcm = await synthesizeMidi(midiBytes(take, 120));
    const wav = encodeWav16(pcm);
    expect(isMidiFile(wav)).toBe(false);
    const result = await gradeAttemptFile(expected, wav, { expectedBpm: 100, fileName: 'take.wav' });
    expect(result.source).toBe('audio');
    expect(result.grade.notes.map((n) => n.verdict)).toEqual(WANTED);
    const lateMs = result.grade.notes[12]?.errorMs ?? 0;
    expect(lateMs).toBeGreaterThan(110);
    expect(lateMs).toBeLessThan(190);
    expect(result.grade.extra).toEqual([]);
    expect(result.grade.tempo.playedBpm).toBeGreaterThan(89);
    expect(result.grade.tempo.playedBpm).toBeLessThan(93);
  });

  it('says a silent recording is silent', async () => {
    const silence = encodeWav16({ sampleRate: 44100, channels: [new Float32Array(44100)] });
    await expect(gradeAttemptFile(expected, silence)).rejects.toBeInstanceOf(TranscriptionError);
  });
});
