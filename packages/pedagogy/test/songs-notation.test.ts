import { parsePitch, rat, type Note } from '@cadenza/core';
import { describe, expect, it } from 'vitest';
import {
  buildSongScore,
  defineSong,
  leftHandFromChords,
  leftHandVoicing,
  parseChordLine,
  parseNotation,
  parseNoteValue,
} from '../src/index.js';

const FOUR = { meter: { beats: 4, beatType: 4 }, pickup: rat(0), staff: 1, voice: 1 };
const show = (n: Note) =>
  `${n.pitch.step}${n.pitch.alter || ''}${n.pitch.octave}@${n.position.n}/${n.position.d}+${n.duration.n}/${n.duration.d}`;

describe('song notation', () => {
  it.each([
    ['w', rat(4)],
    ['h.', rat(3)],
    ['q', rat(1)],
    ['q.', rat(3, 2)],
    ['e', rat(1, 2)],
    ['e.', rat(3, 4)],
    ['s', rat(1, 4)],
    ['et', rat(1, 3)],
    ['qt', rat(2, 3)],
    ['h..', rat(7, 2)],
  ])('reads the value %s', (text, value) => expect(parseNoteValue(text)).toEqual(value));

  it('rejects an unknown value', () => expect(() => parseNoteValue('x')).toThrow(/not a note value/));

  it('carries the last value on, and places notes and rests exactly', () => {
    const line = parseNotation('E4:q D4 C4:h | r:q. F#4:e Bb3:h', FOUR);
    expect(line.notes.map(show)).toEqual([
      'E4@0/1+1/1',
      'D4@1/1+1/1',
      'C4@2/1+2/1',
      'F14@11/2+1/2',
      'B-13@6/1+2/1',
    ]);
    expect(line.end).toEqual(rat(8));
  });

  it('merges tied notes into one note across the barline', () => {
    const line = parseNotation('C4:h G4:h~ | G4:q E4:h.', FOUR);
    expect(line.notes.map(show)).toEqual(['C4@0/1+2/1', 'G4@2/1+3/1', 'E4@5/1+3/1']);
  });

  it('writes chords with +', () => {
    const line = parseNotation('C3+E3+G3:w', { ...FOUR, staff: 2 });
    expect(line.notes.map((n) => n.pitch)).toEqual([parsePitch('C3'), parsePitch('E3'), parsePitch('G3')]);
    expect(line.notes.every((n) => n.staff === 2)).toBe(true);
  });

  it('fails loudly on a bar that does not add up', () => {
    expect(() => parseNotation('C4:q D4 E4 | C4:w', FOUR)).toThrow(/bar 1 holds 3 quarter notes, not 4/);
    expect(() => parseNotation('C4:q D4 E4 F4 | C4:h.', FOUR)).toThrow(/bar 2 holds 3/);
    expect(() => parseNotation('C4:h~ | D4:h C4:h', FOUR)).toThrow(/does not continue/);
  });

  it('accepts a pickup only when the last bar completes it', () => {
    const ctx = { ...FOUR, pickup: rat(1) };
    expect(parseNotation('G3:q | C4:w | C4:h.', ctx).barLengths).toEqual([rat(1), rat(4), rat(3)]);
    expect(parseNotation('G3:q | C4:w | C4:w', ctx).end).toEqual(rat(9));
    expect(() => parseNotation('G3:q | C4:w | C4:h', ctx)).toThrow(/holds 2/);
    expect(() => parseNotation('G3:h | C4:w | C4:h', ctx)).toThrow();
  });

  it('places chord symbols after the pickup, sharing the bar when no value is given', () => {
    const events = parseChordLine('C | F:q G7:h. | . | Am D7', { ...FOUR, pickup: rat(1) });
    expect(events.map((e) => `${e.symbol}@${e.position.n}/${e.position.d}`)).toEqual([
      'C@1/1',
      'F@5/1',
      'G7@6/1',
      'Am@13/1',
      'D7@15/1',
    ]);
  });

  it('voices a left hand from symbols: shells, blocks and extended', () => {
    const names = (pcs: { step: string; alter: number }[]) =>
      pcs.map((p) => p.step + (p.alter === -1 ? 'b' : p.alter === 1 ? '#' : ''));
    expect(names(leftHandVoicing('G7', 'shells'))).toEqual(['G', 'B', 'F']);
    expect(names(leftHandVoicing('F', 'blocks'))).toEqual(['F', 'A', 'C']);
    expect(names(leftHandVoicing('Dm11', 'extended'))).toEqual(['D', 'F', 'C', 'G']);
    expect(names(leftHandVoicing('C13', 'extended'))).toEqual(['C', 'E', 'Bb', 'A']);
    expect(names(leftHandVoicing('Cmaj9', 'extended'))).toEqual(['C', 'E', 'B', 'D']);
    expect(names(leftHandVoicing('C/E', 'roots'))).toEqual(['E']);
    expect(names(leftHandVoicing('D/F#', 'blocks'))).toEqual(['F#', 'D', 'A']);
  });

  it('restrikes a held chord at each barline and stays on the bass staff', () => {
    const notes = leftHandFromChords({
      chords: [{ position: rat(0), symbol: 'C' }],
      style: 'roots',
      meter: { beats: 3, beatType: 4 },
      pickup: rat(0),
      end: rat(6),
    });
    expect(notes.map(show)).toEqual(['C3@0/1+3/1', 'C3@3/1+3/1']);
  });
});

describe('the extended left hand', () => {
  it('plays the root on the beat, then a close cluster within one octave from C3', () => {
    const notes = leftHandFromChords({
      chords: [{ position: rat(0), symbol: 'C13' }],
      style: 'extended',
      meter: { beats: 4, beatType: 4 },
      pickup: rat(0),
      end: rat(4),
    });
    expect(notes.map(show)).toEqual(['C3@0/1+1/1', 'E3@1/1+3/1', 'A3@1/1+3/1', 'B-13@1/1+3/1']);
  });
});

describe('building a song', () => {
  const base = {
    id: 'test-song',
    title: 'Test',
    composer: 'Cadenza',
    origin: 'Cadenza teaching piece',
    level: 1,
    genres: ['folk'] as const,
    key: 'C major',
    meter: '4/4',
    tempo: 100,
    skills: ['testing'],
  };

  it('refuses chords that run past the melody', () => {
    expect(() => buildSongScore({ ...base, melody: 'C4:w | G4:w', chords: 'C | G | C' })).toThrow(
      /after the melody ends/,
    );
  });

  it('refuses a left hand that ends elsewhere than the melody', () => {
    expect(() => buildSongScore({ ...base, melody: 'C4:w | G4:w', leftHand: 'C3:w' })).toThrow(
      /end at different places/,
    );
  });

  it('counts bars without the pickup and keeps the key and meter it was given', () => {
    const song = defineSong({
      ...base,
      key: 'D dorian',
      meter: '3/4',
      pickup: 'q',
      melody: 'A4:q | D5:h. | D5:h',
    });
    expect(song.bars).toBe(2);
    expect(song.key).toBe('D dorian');
    expect(song.score().pickup).toEqual(rat(1));
  });
});
