import { midiOf } from '@cadenza/core';
import { describe, expect, it } from 'vitest';
import { CLICK_BEAT, CLICK_DOWNBEAT, generateExercise, practiceAudioScore } from '../src/index.js';

const at = (r: { n: number; d: number }): number => r.n / r.d;

describe('practice audio: count-in and metronome', () => {
  it('clicks one bar of felt beats before the music and moves the music after it', () => {
    const e = generateExercise({ skillType: 'scales', keySignature: 'C', difficulty: 1, countIn: true });
    const score = practiceAudioScore(e);
    const clicks = score.parts.find((p) => p.name === 'Click');
    expect(clicks?.clefs).toEqual(['percussion']);
    expect(clicks?.notes.map((n) => at(n.position))).toEqual([0, 1, 2, 3]);
    expect(clicks?.notes.map((n) => midiOf(n.pitch))).toEqual([
      midiOf(CLICK_DOWNBEAT),
      midiOf(CLICK_BEAT),
      midiOf(CLICK_BEAT),
      midiOf(CLICK_BEAT),
    ]);
    expect(at(score.parts[0]?.notes[0]?.position ?? { n: 0, d: 1 })).toBe(4);
    expect(at(score.end ?? { n: 0, d: 1 })).toBe(4 + 4 * e.bars);
  });

  it('keeps clicking through the music with the metronome, in dotted quarters in 6/8', () => {
    const e = generateExercise({ skillType: 'rhythm', timeSignature: '6/8', difficulty: 6, durationBars: 2 });
    const score = practiceAudioScore(e, { countInBars: 1, metronome: true });
    const clicks = score.parts.find((p) => p.name === 'Click');
    expect(clicks?.notes.map((n) => at(n.position))).toEqual([0, 1.5, 3, 4.5, 6, 7.5]);
    expect(clicks?.notes.filter((n) => midiOf(n.pitch) === midiOf(CLICK_DOWNBEAT))).toHaveLength(3);
  });

  it('leaves the score alone without a count-in or metronome', () => {
    const e = generateExercise({ skillType: 'arpeggios', keySignature: 'G', difficulty: 2 });
    expect(practiceAudioScore(e)).toBe(e.score);
  });
});
