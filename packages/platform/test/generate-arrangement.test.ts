import { GENERATE_REQUESTS, GenerationResponse, type GenerateGenre } from '@cadenza/contracts';
import { readMidi } from '@cadenza/formats';
import { measureLength, toNumber } from '@cadenza/core';
import { RequestFieldError } from '@cadenza/pedagogy';
import { describe, expect, it } from 'vitest';
import { createProgressionCache, generateArrangement, keyText } from '../src/generate/index.js';

const body = (genre: GenerateGenre, fields: Record<string, unknown>) =>
  GENERATE_REQUESTS[genre].parse(fields);

describe('generateArrangement', () => {
  it('answers the spec response: chart with numerals, metadata, a 4-bar preview, MIDI that reads back', () => {
    const generated = generateArrangement(
      'gospel',
      body('gospel', {
        description: 'Uplifting worship song in C major with soulful gospel feel',
        num_bars: 16,
        application: 'WORSHIP',
        seed: 42,
      }),
    );
    const { report } = generated;
    expect(() =>
      GenerationResponse.omit({ id: true, download_url: true, item_id: true }).parse(report),
    ).not.toThrow();
    expect(report.metadata).toMatchObject({
      key: 'C',
      time_signature: '4/4',
      num_bars: 16,
      generation_method: 'rules',
      application: 'worship',
    });
    expect(report.metadata.tempo).toBeGreaterThanOrEqual(60);
    expect(report.metadata.tempo).toBeLessThanOrEqual(80);
    expect(report.chord_progression[0]).toMatchObject({ bar: 1, beat: 1 });
    for (const chord of report.chord_progression) {
      expect(chord.harmonic_function.length).toBeGreaterThan(0);
      expect(chord.notes.length).toBeGreaterThanOrEqual(3);
      expect(chord.comments?.length ?? 0).toBeGreaterThan(10);
    }
    // Preview: first four bars (16 quarters), at most 100 notes, named.
    expect(report.note_preview.length).toBeGreaterThan(0);
    expect(report.note_preview.length).toBeLessThanOrEqual(100);
    for (const n of report.note_preview) {
      expect(n.start_time).toBeLessThan(16 + 0.1);
      expect(n.note_name).toMatch(/^[A-G](#|b)?-?\d$/);
    }
    const midi = readMidi(Buffer.from(report.midi_base64, 'base64'));
    const notes = midi.parts.flatMap((p) => p.notes);
    expect(notes).toHaveLength(report.metadata.note_count);
    const lastEnd = Math.max(...notes.map((n) => toNumber(n.position) + toNumber(n.duration)));
    expect(lastEnd).toBeGreaterThan(15 * toNumber(measureLength({ beats: 4, beatType: 4 })));
    expect(lastEnd).toBeLessThanOrEqual(16 * 4 + 1e-6);
    expect(report.musicxml).toContain('<score-partwise');
  });

  it('same request and seed → the same MIDI bytes; another seed → a different arrangement', () => {
    const request = body('jazz', { description: 'Bebop standard in Bb with ii-V-I turnarounds', seed: 7 });
    const a = generateArrangement('jazz', request).midi;
    const b = generateArrangement('jazz', request).midi;
    const c = generateArrangement('jazz', { ...request, seed: 8 }).midi;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });

  it('returns a fresh seed when none is given, and the same seed replays it', () => {
    const first = generateArrangement('blues', body('blues', { description: 'slow blues in G' }));
    expect(Number.isInteger(first.seed)).toBe(true);
    const again = generateArrangement(
      'blues',
      body('blues', { description: 'slow blues in G', seed: first.seed }),
    );
    expect(Buffer.from(again.midi).equals(Buffer.from(first.midi))).toBe(true);
    expect(first.report.metadata.application).toBe('slow');
    expect(keyText(first.request.key)).toBe('G');
  });

  it('answers a cached progression for the same (description, genre, key, seed) without changing the result', () => {
    const cache = createProgressionCache(10);
    const request = body('classical', { description: 'Elegant minuet in A minor', seed: 3 });
    const plain = generateArrangement('classical', request).midi;
    const first = generateArrangement('classical', request, { cache }).midi;
    const second = generateArrangement('classical', request, { cache }).midi;
    expect(cache.hits()).toBe(1);
    expect(cache.size()).toBe(1);
    expect(Buffer.from(first).equals(Buffer.from(plain))).toBe(true);
    expect(Buffer.from(second).equals(Buffer.from(plain))).toBe(true);
    generateArrangement('classical', { ...request, key: 'D minor' }, { cache });
    expect(cache.size()).toBe(2);
  });

  it('leaves the chord chart out when include_progression is false', () => {
    const generated = generateArrangement(
      'jazz',
      body('jazz', { description: 'ballad', include_progression: false, seed: 1 }),
    );
    expect(generated.report.chord_progression).toEqual([]);
  });

  it('throws RequestFieldError naming a field the schema cannot check (an unreadable key)', () => {
    expect(() => generateArrangement('jazz', body('jazz', { description: 'x', key: 'Q major' }))).toThrow(
      RequestFieldError,
    );
  });
});
