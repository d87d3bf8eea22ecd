import {
  add,
  compare,
  contentEnd,
  eq,
  formatTimeSignature,
  gt,
  keyName,
  measureLength,
  measureMap,
  midiOf,
  mul,
  rat,
  tryParseChordSymbol,
  type Note,
} from '@cadenza/core';
import { describe, expect, it } from 'vitest';
import { LEARNING_GENRES, SONG_CATALOGUE, findSong, songSummaries, songsFor } from '../src/index.js';

const songs = SONG_CATALOGUE.map((s) => ({ song: s, score: s.score() }));

describe('the song catalogue', () => {
  it('holds at least 44 songs with unique kebab-case ids', () => {
    expect(SONG_CATALOGUE.length).toBeGreaterThanOrEqual(44);
    const ids = SONG_CATALOGUE.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('covers each genre and spreads over the levels', () => {
    const count = (g: string) => SONG_CATALOGUE.filter((s) => s.genres.includes(g as never)).length;
    for (const g of ['classical', 'jazz', 'blues', 'gospel', 'folk'])
      expect(count(g), g).toBeGreaterThanOrEqual(4);
    expect(count('neosoul')).toBeGreaterThanOrEqual(3);
    expect(SONG_CATALOGUE.filter((s) => s.level <= 2).length).toBeGreaterThanOrEqual(4);
    expect(SONG_CATALOGUE.filter((s) => s.level >= 6).length).toBeGreaterThanOrEqual(4);
    for (const s of SONG_CATALOGUE) {
      expect(Number.isInteger(s.level) && s.level >= 1 && s.level <= 8, s.id).toBe(true);
      expect(s.genres.length).toBeGreaterThan(0);
      for (const g of s.genres) expect(LEARNING_GENRES).toContain(g);
    }
  });

  it('says where every song comes from and why it is public domain', () => {
    for (const s of SONG_CATALOGUE) {
      expect(s.origin.length, s.id).toBeGreaterThan(10);
      const traditional = s.composer === 'Traditional' || /traditional|spiritual|hymn/i.test(s.origin);
      const year = [...s.origin.matchAll(/\b(1[5-9]\d\d|20\d\d)\b/g)].map((m) => Number(m[1]));
      const teaching = /Cadenza teaching piece/.test(s.origin);
      const old = year.length > 0 && Math.min(...year) < 1929;
      expect(traditional || teaching || old, `${s.id}: ${s.origin}`).toBe(true);
    }
  });

  it('summaries agree with the scores', () => {
    for (const { song, score } of songs) {
      const measures = measureMap(score).filter((m) => !m.isPickup);
      expect(song.bars, song.id).toBe(measures.length);
      expect(song.key).toBe(keyName(score.keys[0]?.key ?? { tonic: { step: 'C', alter: 0 }, mode: 'major' }));
      expect(song.timeSignature).toBe(
        formatTimeSignature(score.meters[0]?.timeSignature ?? { beats: 4, beatType: 4 }),
      );
      expect(song.tempo).toBe(score.tempos[0]?.bpm);
      expect(song.hasChords, song.id).toBe(score.chordSymbols.length > 0);
      expect(score.metadata.title).toBe(song.title);
      expect(score.metadata.composer).toBe(song.composer);
      expect(song.skills.length).toBeGreaterThan(0);
    }
    expect(songSummaries().map((s) => s.id)).toEqual(SONG_CATALOGUE.map((s) => s.id));
    expect(songSummaries()[0]).not.toHaveProperty('score');
  });

  it('fills every bar exactly in every staff and voice; a pickup is completed by the last bar', () => {
    for (const { song, score } of songs) {
      const bar = measureLength(score.meters[0]?.timeSignature ?? { beats: 4, beatType: 4 });
      const end = score.end ?? rat(0);
      // Every bar after the pickup is full, or the last one is short by exactly the pickup.
      const allFull = add(score.pickup, mul(bar, rat(song.bars)));
      const completed = mul(bar, rat(song.bars));
      expect(eq(end, allFull) || (gt(score.pickup, rat(0)) && eq(end, completed)), song.id).toBe(true);
      expect(eq(contentEnd(score), end), `${song.id}: no note runs past the end`).toBe(true);
      for (const part of score.parts) {
        const lines = new Map<string, Note[]>();
        for (const n of part.notes) {
          const k = `${n.staff}/${n.voice}`;
          lines.set(k, [...(lines.get(k) ?? []), n]);
        }
        for (const [line, notes] of lines) {
          const onsets = [...new Map(notes.map((n) => [`${n.position.n}/${n.position.d}`, n])).values()].sort(
            (a, b) => compare(a.position, b.position),
          );
          onsets.forEach((n, i) => {
            const next = onsets[i + 1];
            expect(
              compare(add(n.position, n.duration), end) <= 0,
              `${song.id} ${line} runs past the end`,
            ).toBe(true);
            if (next)
              expect(
                compare(add(n.position, n.duration), next.position) <= 0,
                `${song.id} ${line} overlap`,
              ).toBe(true);
          });
        }
      }
    }
  });

  it('parses every chord symbol, and gives a left hand from level 4 where the genre needs chords', () => {
    for (const { song, score } of songs) {
      for (const c of score.chordSymbols)
        expect(tryParseChordSymbol(c.symbol).ok, `${song.id}: ${c.symbol}`).toBe(true);
      const chordGenre = song.genres.some((g) => ['jazz', 'blues', 'gospel', 'neosoul'].includes(g));
      if (chordGenre) expect(song.hasChords, song.id).toBe(true);
      if (chordGenre && song.level >= 4) {
        const left = score.parts[0]?.notes.filter((n) => n.staff === 2) ?? [];
        expect(left.length, `${song.id} left hand`).toBeGreaterThan(0);
        expect(score.parts[0]?.clefs).toEqual(['treble', 'bass']);
      }
    }
  });

  it('keeps the melody in a comfortable range for the level', () => {
    for (const { song, score } of songs) {
      const melody = (score.parts[0]?.notes ?? []).filter((n) => n.staff === 1).map((n) => midiOf(n.pitch));
      const low = Math.min(...melody);
      const high = Math.max(...melody);
      if (song.level <= 2) {
        expect(low, song.id).toBeGreaterThanOrEqual(55); // G3
        expect(high, song.id).toBeLessThanOrEqual(76); // E5
        expect(high - low, song.id).toBeLessThanOrEqual(14);
      } else {
        expect(low, song.id).toBeGreaterThanOrEqual(43); // G2
        expect(high, song.id).toBeLessThanOrEqual(91); // G6
      }
      const left = (score.parts[0]?.notes ?? []).filter((n) => n.staff === 2).map((n) => midiOf(n.pitch));
      if (left.length > 0) {
        expect(Math.min(...left), song.id).toBeGreaterThanOrEqual(28); // E1
        expect(Math.max(...left), song.id).toBeLessThanOrEqual(67); // G4
      }
    }
  });

  it('finds songs by id, level and genre', () => {
    expect(findSong('ode-to-joy')?.title).toBe('Ode to Joy');
    expect(findSong('no-such-song')).toBeUndefined();
    const jazz = songsFor({ genre: 'jazz' });
    expect(jazz.length).toBeGreaterThanOrEqual(4);
    expect(jazz.every((s) => s.genres.includes('jazz'))).toBe(true);
    const one = songsFor({ level: 1 });
    expect(one.every((s) => s.level === 1)).toBe(true);
    expect(songsFor({ level: 1, genre: 'folk' }).map((s) => s.id)).toContain('twinkle-twinkle');
    expect(songsFor({}).length).toBe(SONG_CATALOGUE.length);
  });
});
