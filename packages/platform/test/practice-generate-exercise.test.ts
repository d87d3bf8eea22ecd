import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { midiOf } from '@cadenza/core';
import { ExerciseGenerateRequest, ExerciseResponse } from '@cadenza/contracts';
import { readMidi, readMusicXml } from '@cadenza/formats';
import { RequestFieldError } from '@cadenza/pedagogy';
import { describe, expect, it } from 'vitest';
import {
  generatePracticeExercise,
  loadExercise,
  regenerateExercise,
  storeExercise,
  type BlobInfo,
  type BlobStore,
} from '../src/index.js';

/** A blob store in memory: enough of the interface for storing and loading exercise records. */
function memoryBlobs(): BlobStore {
  const blobs = new Map<string, { bytes: Uint8Array; info: BlobInfo }>();
  return {
    kind: 'disk',
    async put(source, options) {
      const chunks: Uint8Array[] = [];
      if (source instanceof Uint8Array) chunks.push(source);
      else for await (const c of source) chunks.push(c);
      const bytes = Buffer.concat(chunks);
      const id = randomBytes(16).toString('base64url');
      const info = {
        id,
        sha256: '',
        size: bytes.length,
        mediaType: options.mediaType,
        createdAt: 0,
      } as BlobInfo;
      blobs.set(id, { bytes, info });
      return info;
    },
    get(id) {
      const b = blobs.get(id);
      return Promise.resolve(b ? { ...b.info, stream: Readable.from([b.bytes]) } : undefined);
    },
    stat: (id) => Promise.resolve(blobs.get(id)?.info),
    has: (id) => Promise.resolve(blobs.has(id)),
    delete: (id) => Promise.resolve(blobs.delete(id)),
  };
}

const body = (raw: Record<string, unknown>) => ExerciseGenerateRequest.parse(raw);

describe('generatePracticeExercise', () => {
  it('answers the spec fields: timed MIDI notes, fingering by note, tips, duration, MusicXML', () => {
    const g = generatePracticeExercise(
      body({
        skill_type: 'scales',
        subtype: 'major',
        key_signature: 'G',
        difficulty: 1,
        tempo: 120,
        seed: 3,
      }),
    );
    const r = g.report;
    expect(r.title).toBe('G major scale, 1 octave');
    expect(r.key).toBe('G major');
    expect(r.midi_notes[0]).toEqual({ midi: 67, start: 0, duration: 0.5, staff: 1 });
    expect(r.estimated_duration).toBe(16);
    expect(r.fingering?.length).toBe(r.midi_notes.length);
    for (const f of r.fingering ?? []) expect(r.midi_notes[f.note_index]).toBeDefined();
    // G major right hand 1 2 3 1 2 3 4 5 going up.
    const right = (r.fingering ?? []).filter((f) => f.hand === 'right').slice(0, 8);
    expect(right.map((f) => f.finger).join('')).toBe('12312345');
    expect(right.map((f) => f.note)).toEqual(['G4', 'A4', 'B4', 'C5', 'D5', 'E5', 'F#5', 'G5']);
    expect(readMusicXml(r.musicxml).parts[0]?.notes).toHaveLength(r.midi_notes.length);
    expect(
      readMidi(g.midi)
        .parts.flatMap((p) => p.notes)
        .map((n) => midiOf(n.pitch))
        .sort(),
    ).toEqual(r.midi_notes.map((n) => n.midi).sort());
    expect(r.practice_tips.length).toBeGreaterThanOrEqual(3);
  });

  it('puts a count-in bar of clicks before the music and clicks under it with the metronome', () => {
    const g = generatePracticeExercise(
      body({
        skill_type: 'rhythm',
        subtype: 'quarter_notes',
        difficulty: 1,
        seed: 1,
        count_in: true,
        metronome: true,
      }),
    );
    const clicks = g.audioScore.parts.find((p) => p.id === 'CLICK');
    expect(clicks?.clefs).toEqual(['percussion']);
    // 4 bars of 4/4 after one count-in bar: 20 clicks, the music shifted by 4 quarter notes.
    expect(clicks?.notes).toHaveLength(20);
    const first = g.audioScore.parts[0]?.notes[0];
    const original = g.exercise.score.parts[0]?.notes[0];
    expect((first?.position.n ?? 0) / (first?.position.d ?? 1)).toBe(
      (original?.position.n ?? 0) / (original?.position.d ?? 1) + 4,
    );
    expect(g.report.estimated_duration).toBe(Math.ceil((5 * 4 * 60) / g.exercise.tempo));
  });

  it('stores the exercise and loads it back as the same response; the record makes it again', async () => {
    const blobs = memoryBlobs();
    const g = generatePracticeExercise(
      body({ skill_type: 'chords', subtype: 'ii_V_I', key_signature: 'F', difficulty: 6 }),
    );
    const { id, response } = await storeExercise(blobs, g);
    expect(ExerciseResponse.parse(response)).toEqual(response);
    expect(response.exercise_id).toBe(id);
    expect(response.sheet_music_url).toBe(`/exercises/${id}/score.pdf`);
    expect(response.chords?.map((c) => c.numeral)).toEqual(['ii65', 'V7', 'I']);
    const record = await loadExercise(blobs, id);
    expect(record?.report).toEqual(g.report);
    expect(await loadExercise(blobs, record?.midiBlob ?? '')).toBeUndefined();
    const again = regenerateExercise(
      record ?? { request: g.request, report: g.report, midiBlob: '', musicxmlBlob: '' },
    );
    expect(Buffer.from(again.midi).equals(Buffer.from(g.midi))).toBe(true);
  });

  it('refuses bad requests naming the field', () => {
    expect(() => ExerciseGenerateRequest.parse({ skill_type: 'scales', difficulty: 11 })).toThrow(
      /at most 10/,
    );
    expect(() => generatePracticeExercise(body({ skill_type: 'painting' }))).toThrow(RequestFieldError);
    let field: string | undefined;
    try {
      generatePracticeExercise(
        body({ skill_type: 'scales', subtype: 'minor_harmonic', key_signature: 'Db' }),
      );
    } catch (error) {
      if (error instanceof RequestFieldError) field = error.field;
    }
    expect(field).toBe('key_signature');
  });
});
