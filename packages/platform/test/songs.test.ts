import type { SongListQuery } from '@cadenza/contracts';
import { createScore, parsePitch, rat, type Note } from '@cadenza/core';
import type { SongSummary } from '@cadenza/pedagogy';
import { describe, expect, it } from 'vitest';
import { filterSongs, songMidiNotes, songSummaryView } from '../src/songs/index.js';

const summary = (id: string, title: string, level: number, genres: SongSummary['genres']): SongSummary => ({
  id,
  title,
  composer: 'Traditional',
  origin: 'folk tune',
  level,
  genres,
  key: 'C major',
  timeSignature: '4/4',
  tempo: 100,
  bars: 8,
  hasChords: false,
  skills: ['steady quarters'],
});

const SONGS = [
  summary('ode', 'Ode to Joy', 2, ['classical']),
  summary('frere', 'Frère Jacques', 1, ['folk']),
  summary('saints', 'When the Saints Go Marching In', 2, ['gospel', 'folk']),
  summary('blues', 'Minor Blues in C', 6, ['blues', 'jazz']),
];

const ids = (query: SongListQuery) => filterSongs(SONGS, query).map((s) => s.id);

describe('filterSongs', () => {
  it('orders by level, then title', () => {
    expect(ids({})).toEqual(['frere', 'ode', 'saints', 'blues']);
  });

  it('keeps the songs at the level and carrying the genre, as any of their genres', () => {
    expect(ids({ level: 2 })).toEqual(['ode', 'saints']);
    expect(ids({ genre: 'folk' })).toEqual(['frere', 'saints']);
    expect(ids({ genre: 'jazz' })).toEqual(['blues']);
    expect(ids({ level: 1, genre: 'gospel' })).toEqual([]);
  });

  it('finds titles holding every word, in any case and without accents', () => {
    expect(ids({ q: 'frere' })).toEqual(['frere']);
    expect(ids({ q: 'MARCHING saints' })).toEqual(['saints']);
    expect(ids({ q: 'saints joy' })).toEqual([]);
    expect(ids({ q: '  ' })).toEqual(['frere', 'ode', 'saints', 'blues']);
  });
});

describe('songSummaryView', () => {
  it('answers the API fields in snake case', () => {
    expect(songSummaryView(SONGS[0] as SongSummary)).toEqual({
      id: 'ode',
      title: 'Ode to Joy',
      composer: 'Traditional',
      origin: 'folk tune',
      level: 2,
      genres: ['classical'],
      key: 'C major',
      time_signature: '4/4',
      tempo: 100,
      bars: 8,
      has_chords: false,
      skills: ['steady quarters'],
    });
  });
});

describe('songMidiNotes', () => {
  const note = (pitch: string, at: number, staff: number): Note => ({
    pitch: parsePitch(pitch),
    position: rat(at),
    duration: rat(1),
    staff,
    voice: 1,
  });

  it('lists both hands in seconds at the tempo, by onset then staff; a second part counts as the left hand', () => {
    const score = createScore({
      parts: [
        { notes: [note('E4', 0, 1), note('C3', 0, 2), note('D4', 1, 1)], staves: 2 },
        { notes: [note('G2', 1, 1)] },
      ],
    });
    expect(songMidiNotes(score, 120)).toEqual([
      { midi: 64, start: 0, duration: 0.5, staff: 1 },
      { midi: 48, start: 0, duration: 0.5, staff: 2 },
      { midi: 62, start: 0.5, duration: 0.5, staff: 1 },
      { midi: 43, start: 0.5, duration: 0.5, staff: 2 },
    ]);
  });
});
