import {
  ExerciseResponse,
  PracticeAttemptResponse,
  PracticeSessionsResponse,
  type PracticeVerdict,
} from '@cadenza/contracts';
import { readMusicXml } from '@cadenza/formats';
import { encodeWav, synthesizeScore } from '@cadenza/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from './helpers.js';
import {
  BOUNDARY,
  multipart,
  openStudioApp,
  postgresAvailable,
  signUp,
  type Part,
  type StudioTestApp,
} from './studio-helpers.js';

// POST /practice/attempts (MIDI notes as JSON, a .mid or a SoundFont recording as multipart) and
// GET /practice/sessions, on the embedded default (SQLite) and, for the sessions, PostgreSQL too.

type Note = { midi: number; start: number; end: number; velocity: number };

/** A D major scale, right hand, one octave up and down in quarters at ♩ = 120: 15 notes, 0.5 s apart. */
const SCALE = {
  skill_type: 'scales',
  subtype: 'major',
  key_signature: 'D',
  difficulty: 1,
  tempo: 120,
  seed: 7,
  special_focus: 'right hand',
};

/** The exercise's own notes as a keyboard would send them: 0.7 s into the take, held 90 %. */
function perfectTake(exercise: ExerciseResponse): Note[] {
  return exercise.midi_notes.map((n) => ({
    midi: n.midi,
    start: 0.7 + n.start,
    end: 0.7 + n.start + 0.9 * n.duration,
    velocity: 80,
  }));
}

const MULTIPART_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

async function generate(t: StudioTestApp, body: Record<string, unknown>): Promise<ExerciseResponse> {
  const res = await t.app.inject({ method: 'POST', url: '/exercises/generate', payload: body });
  if (res.statusCode !== 200) throw new Error(`generate answered ${res.statusCode}: ${res.body}`);
  return ExerciseResponse.parse(res.json());
}

const postNotes = (t: StudioTestApp, payload: unknown, cookie?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/practice/attempts',
    payload: payload as Record<string, unknown>,
    ...(cookie ? { headers: { cookie } } : {}),
  });

const postFile = (t: StudioTestApp, parts: readonly Part[]) =>
  t.app.inject({
    method: 'POST',
    url: '/practice/attempts',
    payload: multipart(parts),
    headers: { 'content-type': MULTIPART_TYPE },
  });

describe('POST /practice/attempts (SQLite)', () => {
  let t: StudioTestApp;
  let scale: ExerciseResponse;
  beforeAll(async () => {
    t = await openStudioApp('sqlite');
    scale = await generate(t, SCALE);
  });
  afterAll(() => t.close());

  it('grades a perfect MIDI-keyboard take: every note correct, score 100, the tempo kept', async () => {
    expect(scale.midi_notes).toHaveLength(15);
    const res = await postNotes(t, { exercise_id: scale.exercise_id, notes: perfectTake(scale) });
    expect(res.statusCode, res.body).toBe(200);
    const body = PracticeAttemptResponse.parse(res.json());
    expect(body.exercise_id).toBe(scale.exercise_id);
    expect(body.notes.map((n) => n.verdict)).toEqual(Array(15).fill('correct'));
    expect(body.notes.map((n) => n.index)).toEqual([...Array(15).keys()]);
    expect(body.notes.slice(0, 8).map((n) => n.expected.name)).toEqual([
      'D4',
      'E4',
      'F#4',
      'G4',
      'A4',
      'B4',
      'C#5',
      'D5',
    ]);
    expect(body.notes[2]?.played_name).toBe('F#4');
    expect(body.notes.every((n) => Math.abs(n.timing_error_ms ?? 99) <= 1)).toBe(true);
    expect(body.score).toBe(100);
    expect(body.pitch_accuracy).toBe(1);
    expect(body.rhythm_accuracy).toBe(1);
    expect(body.counts).toEqual({ correct: 15, wrong_pitch: 0, early: 0, late: 0, missed: 0, extra: 0 });
    expect(body.extra_notes).toEqual([]);
    expect(body.tempo_expected).toBe(120);
    expect(body.tempo_played).toBeCloseTo(120, 0);
    expect(body.session_id).toBeNull();
  });

  it('names exactly one wrong pitch and one missed note', async () => {
    const take = perfectTake(scale)
      .map((n, i) => (i === 3 ? { ...n, midi: n.midi + 1 } : n))
      .filter((_, i) => i !== 10);
    const res = await postNotes(t, { exercise_id: scale.exercise_id, notes: take });
    const body = PracticeAttemptResponse.parse(res.json());
    const wanted: PracticeVerdict[] = Array<PracticeVerdict>(15).fill('correct');
    wanted[3] = 'wrong_pitch';
    wanted[10] = 'missed';
    expect(body.notes.map((n) => n.verdict)).toEqual(wanted);
    expect(body.notes[3]).toMatchObject({
      expected: { midi: 67, name: 'G4' },
      played_midi: 68,
      played_name: 'G#4',
    });
    expect(body.notes[10]?.played_midi).toBeUndefined();
    expect(body.notes[10]?.timing_error_ms).toBeUndefined();
    expect(body.counts).toMatchObject({ correct: 13, wrong_pitch: 1, missed: 1, extra: 0 });
    expect(body.pitch_accuracy).toBeCloseTo(13 / 15, 4);
    expect(body.score).toBeLessThan(100);
  });

  it('lists a note played that the exercise does not ask for as extra', async () => {
    const take = [...perfectTake(scale), { midi: 40, start: 2.1, end: 2.3, velocity: 70 }];
    const body = PracticeAttemptResponse.parse(
      (await postNotes(t, { exercise_id: scale.exercise_id, notes: take })).json(),
    );
    expect(body.extra_notes).toEqual([{ midi: 40, name: 'E2', start: 2.1 }]);
    expect(body.counts.extra).toBe(1);
    expect(body.counts.correct).toBe(15);
  });

  it('grades an empty take as all missed', async () => {
    const body = PracticeAttemptResponse.parse(
      (await postNotes(t, { exercise_id: scale.exercise_id, notes: [] })).json(),
    );
    expect(body.counts.missed).toBe(15);
    expect(body.score).toBe(0);
  });

  it("grades the exercise's own MIDI file, sent as a file, as all correct", async () => {
    const mid = await t.app.inject({ method: 'GET', url: scale.midi_url });
    const res = await postFile(t, [
      { name: 'file', fileName: 'take.mid', bytes: new Uint8Array(mid.rawPayload), type: 'audio/midi' },
      { name: 'exercise_id', value: scale.exercise_id },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const body = PracticeAttemptResponse.parse(res.json());
    expect(body.counts.correct).toBe(15);
  });

  it('grades a SoundFont recording of a scale exercise mostly correct', async () => {
    const exercise = await generate(t, { ...SCALE, key_signature: 'Bb', tempo: 100, seed: 11 });
    const pcm = await synthesizeScore(readMusicXml(exercise.musicxml));
    const wav = encodeWav(pcm, { bitDepth: 16 });
    const res = await postFile(t, [
      { name: 'exercise_id', value: exercise.exercise_id },
      { name: 'file', fileName: 'take.wav', bytes: wav, type: 'audio/wav' },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const body = PracticeAttemptResponse.parse(res.json());
    const correct = body.notes.filter((n) => n.verdict === 'correct').length;
    expect(correct / body.notes.length).toBeGreaterThanOrEqual(0.9);
    expect(body.pitch_accuracy).toBeGreaterThanOrEqual(0.9);
    expect(body.notes[1]?.expected.name).toBe('C5');
    expect(body.notes.find((n) => n.expected.midi === 75)?.expected.name).toBe('Eb5');
    expect(body.tempo_played).toBeGreaterThan(95);
    expect(body.tempo_played).toBeLessThan(105);
  });

  describe('bad input', () => {
    it('404 naming an exercise that does not exist', async () => {
      const missing = 'AAAAAAAAAAAAAAAAAAAAAA';
      const res = await postNotes(t, { exercise_id: missing, notes: [] });
      expect(res.statusCode).toBe(404);
      expect(errorOf(res).message).toContain(missing);
    });

    it('400 naming a missing exercise_id or a bad note', async () => {
      const noId = await postNotes(t, { notes: [] });
      expect(noId.statusCode).toBe(400);
      expect(errorOf(noId).message).toContain('body.exercise_id');
      const badMidi = await postNotes(t, {
        exercise_id: scale.exercise_id,
        notes: [{ midi: 200, start: 0, end: 1, velocity: 80 }],
      });
      expect(badMidi.statusCode).toBe(400);
      expect(errorOf(badMidi).message).toContain('body.notes.0.midi');
      const backwards = await postNotes(t, {
        exercise_id: scale.exercise_id,
        notes: [{ midi: 60, start: 2, end: 1, velocity: 80 }],
      });
      expect(backwards.statusCode).toBe(400);
      expect(errorOf(backwards).message).toContain('end must be after its start');
      const noNotes = await postNotes(t, { exercise_id: scale.exercise_id });
      expect(errorOf(noNotes).message).toContain('body.notes');
    });

    it('400 naming the multipart field that is missing', async () => {
      const noId = await postFile(t, [{ name: 'file', fileName: 'take.mid', bytes: new Uint8Array(8) }]);
      expect(noId.statusCode).toBe(400);
      expect(errorOf(noId).message).toContain('body.exercise_id');
      const noFile = await postFile(t, [{ name: 'exercise_id', value: scale.exercise_id }]);
      expect(noFile.statusCode).toBe(400);
      expect(errorOf(noFile).message).toContain('body.file');
    });

    it('415 or 422 for a file that is neither audio nor MIDI, 422 for a silent recording', async () => {
      const junk = await postFile(t, [
        { name: 'exercise_id', value: scale.exercise_id },
        {
          name: 'file',
          fileName: 'take.wav',
          bytes: new TextEncoder().encode('not audio at all '.repeat(40)),
        },
      ]);
      expect([415, 422]).toContain(junk.statusCode);
      const silence = encodeWav({ sampleRate: 44100, channels: [new Float32Array(44100)] }, { bitDepth: 16 });
      const silent = await postFile(t, [
        { name: 'exercise_id', value: scale.exercise_id },
        { name: 'file', fileName: 'silence.wav', bytes: silence, type: 'audio/wav' },
      ]);
      expect(silent.statusCode).toBe(422);
      expect(errorOf(silent).message).toMatch(/silen/i);
    });

    it('415 for a body that is neither JSON nor multipart', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/practice/attempts',
        payload: 'exercise_id=x',
        headers: { 'content-type': 'text/plain' },
      });
      expect(res.statusCode).toBe(415);
    });
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = (await t.app.inject({ url: '/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    expect(Object.keys(doc.paths['/practice/attempts'] ?? {})).toEqual(['post']);
    expect(Object.keys(doc.paths['/practice/sessions'] ?? {})).toEqual(['get']);
  });
});

describe('upload limit', () => {
  let t: StudioTestApp;
  beforeAll(async () => {
    t = await openStudioApp('sqlite', { maxUploadBytes: 100 * 1024 });
  });
  afterAll(() => t.close());

  it('413 for a recording over the upload limit', async () => {
    const res = await postFile(t, [
      { name: 'exercise_id', value: 'AAAAAAAAAAAAAAAAAAAAAA' },
      { name: 'file', fileName: 'long.wav', bytes: new Uint8Array(300 * 1024), type: 'audio/wav' },
    ]);
    expect(res.statusCode).toBe(413);
    expect(errorOf(res).message).toContain('MB');
  });
});

const postgres = await postgresAvailable();

describe.each(['sqlite', 'postgres'] as const)('practice sessions on %s', (dialect) => {
  const skip = dialect === 'postgres' && !postgres;
  let t: StudioTestApp;
  let scale: ExerciseResponse;
  beforeAll(async () => {
    if (skip) return;
    t = await openStudioApp(dialect);
    scale = await generate(t, SCALE);
  });
  afterAll(async () => {
    if (!skip) await t.close();
  });

  it.skipIf(skip)('keeps a signed-in take as a session only its player sees, newest first', async () => {
    const [ann, bob] = [await signUp(t.app, 'student', 'ann'), await signUp(t.app, 'student', 'bob')];
    const first = PracticeAttemptResponse.parse(
      (await postNotes(t, { exercise_id: scale.exercise_id, notes: perfectTake(scale) }, ann.cookie)).json(),
    );
    expect(first.session_id).toBe(first.attempt_id);
    const flawed = perfectTake(scale).filter((_, i) => i !== 4);
    const second = PracticeAttemptResponse.parse(
      (await postNotes(t, { exercise_id: scale.exercise_id, notes: flawed }, ann.cookie)).json(),
    );

    const list = await t.app.inject({ url: '/practice/sessions', headers: { cookie: ann.cookie } });
    expect(list.statusCode, list.body).toBe(200);
    const { sessions } = PracticeSessionsResponse.parse(list.json());
    expect(sessions.map((s) => s.id)).toEqual([second.session_id, first.session_id]);
    expect(sessions[1]).toMatchObject({
      exercise_id: scale.exercise_id,
      skill_type: 'scales',
      subtype: 'major',
      difficulty: 1,
      score: 100,
      pitch_accuracy: 1,
      rhythm_accuracy: 1,
    });
    expect(sessions[1]?.tempo_played).toBeCloseTo(120, 0);
    expect(sessions[0]?.score).toBe(second.score);

    const one = await t.app.inject({ url: '/practice/sessions?limit=1', headers: { cookie: ann.cookie } });
    expect(PracticeSessionsResponse.parse(one.json()).sessions.map((s) => s.id)).toEqual([second.session_id]);

    const rhythm = await t.app.inject({
      url: '/practice/sessions?skill_type=rhythm',
      headers: { cookie: ann.cookie },
    });
    expect(PracticeSessionsResponse.parse(rhythm.json()).sessions).toEqual([]);

    const theirs = await t.app.inject({ url: '/practice/sessions', headers: { cookie: bob.cookie } });
    expect(PracticeSessionsResponse.parse(theirs.json()).sessions).toEqual([]);
    const stored = await t.studio.services.repositories.practiceAttempts.get(bob.id, first.attempt_id);
    expect(stored).toBeUndefined();
    const own = await t.studio.services.repositories.practiceAttempts.get(ann.id, first.attempt_id);
    expect(own?.grade).toEqual(first);
  });

  it.skipIf(skip)('401 for the sessions list when not signed in; 400 for a bad limit', async () => {
    const res = await t.app.inject({ url: '/practice/sessions' });
    expect(res.statusCode).toBe(401);
    const ann = await signUp(t.app, 'student', 'ann');
    const bad = await t.app.inject({ url: '/practice/sessions?limit=0', headers: { cookie: ann.cookie } });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).message).toContain('limit');
  });
});
