import {
  EarTrainingAnswerResponse,
  EarTrainingQuestionResponse,
  type EarTrainingQuestionType,
} from '@cadenza/contracts';
import { formatRational, frequencyOf, midiOf, pitchName, toNumber } from '@cadenza/core';
import { readMidi } from '@cadenza/formats';
import { generateEarTrainingQuestion, type DictationNote } from '@cadenza/pedagogy';
import { decodeAudio } from '@cadenza/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pitchHz } from '../../../packages/platform/test/audio-analysis.js';
import { errorOf } from './helpers.js';
import { openStudioApp, type StudioTestApp } from './studio-helpers.js';

// POST /ear-training/questions, GET …/audio.wav|.mp3 and POST /ear-training/answers on the embedded
// default (SQLite, disk blobs). The test regenerates each seeded question to know its answer key.

const keyOf = (type: EarTrainingQuestionType, difficulty: number, seed: number) =>
  generateEarTrainingQuestion({ type, difficulty, seed }).key;

interface NoteJson {
  pitch?: string;
  duration: string;
  rest?: boolean;
}
const asJson = (notes: readonly DictationNote[]): NoteJson[] =>
  notes.map((n) =>
    n.rest
      ? { duration: formatRational(n.duration), rest: true }
      : { ...(n.pitch ? { pitch: pitchName(n.pitch) } : {}), duration: formatRational(n.duration) },
  );

describe('ear-training routes (SQLite)', () => {
  let t: StudioTestApp;
  beforeAll(async () => {
    t = await openStudioApp('sqlite');
  });
  afterAll(() => t.close());

  const ask = (payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/ear-training/questions', payload });
  const answer = (payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/ear-training/answers', payload });

  it('asks an interval question without giving its answer away, and checks answers with an explanation', async () => {
    const res = await ask({ type: 'interval_recognition', difficulty: 3, seed: 5 });
    expect(res.statusCode).toBe(200);
    const q = EarTrainingQuestionResponse.parse(res.json());
    const key = keyOf('interval_recognition', 3, 5);
    if (key.type !== 'interval_recognition') throw new Error('wrong key');
    expect(q.choices).toHaveLength(3);
    expect(q.choices.filter((c) => c.id === key.answer)).toHaveLength(1);
    expect(q.seed).toBe(5);
    expect(q.audio_url).toBe(`/ear-training/questions/${q.question_id}/audio.wav`);
    expect(Object.keys(res.json<object>()).sort()).toEqual(
      Object.keys(EarTrainingQuestionResponse.shape).sort(),
    );
    // The MIDI plays the two notes of the interval.
    const notes = readMidi(Buffer.from(q.midi_base64, 'base64')).parts.flatMap((p) => p.notes);
    expect(notes.map((n) => midiOf(n.pitch))).toEqual(key.notes.map(midiOf));

    const right = await answer({ question_id: q.question_id, answer: key.answer });
    expect(right.statusCode).toBe(200);
    const r = EarTrainingAnswerResponse.parse(right.json());
    expect(r.correct).toBe(true);
    expect(r.correct_choice).toBe(key.answer);
    expect(r.grading).toBeNull();
    expect(r.explanation).toContain(`${r.correct_answer}: ${Math.abs(key.interval.semitones)} half step`);

    const other = q.choices.find((c) => c.id !== key.answer)!;
    const wrong = EarTrainingAnswerResponse.parse(
      (await answer({ question_id: q.question_id, answer: other.id })).json(),
    );
    expect(wrong.correct).toBe(false);
    expect(wrong.correct_choice).toBe(key.answer);
    expect(wrong.explanation).toMatch(/^You chose /);
  });

  it('the same seed asks the same question under a new id; without a seed the seed stays secret', async () => {
    const a = EarTrainingQuestionResponse.parse(
      (await ask({ type: 'chord_quality', difficulty: 7, seed: 21 })).json(),
    );
    const b = EarTrainingQuestionResponse.parse(
      (await ask({ type: 'chord_quality', difficulty: 7, seed: 21 })).json(),
    );
    expect(b.midi_base64).toBe(a.midi_base64);
    expect(b.choices).toEqual(a.choices);
    expect(b.question_id).not.toBe(a.question_id);
    const secret = EarTrainingQuestionResponse.parse(
      (await ask({ type: 'chord_quality', difficulty: 7 })).json(),
    );
    expect(secret.seed).toBeNull();
    expect(secret.choices).toHaveLength(7);
    const checked = await answer({ question_id: secret.question_id, answer: secret.choices[0]!.id });
    expect(checked.statusCode).toBe(200);
    // Asked again by id: the same question, the chosen seed shown, the drawn one still secret.
    const again = await t.app.inject({ method: 'GET', url: `/ear-training/questions/${a.question_id}` });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(a);
    const secretAgain = await t.app.inject({
      method: 'GET',
      url: `/ear-training/questions/${secret.question_id}`,
    });
    expect(secretAgain.json()).toEqual(secret);
  });

  it('plays the question as WAV and MP3 with the platform synth', async () => {
    const q = EarTrainingQuestionResponse.parse(
      (await ask({ type: 'interval_recognition', difficulty: 1, seed: 2 })).json(),
    );
    const wav = await t.app.inject({ method: 'GET', url: q.audio_urls.wav });
    expect(wav.statusCode).toBe(200);
    expect(wav.headers['content-type']).toBe('audio/wav');
    const audio = await decodeAudio(new Uint8Array(wav.rawPayload), { fileName: 'q.wav' });
    // Two half notes at the level's tempo: at least four beats of sound, and not silence.
    const seconds = audio.channels[0]!.length / audio.sampleRate;
    expect(seconds).toBeGreaterThanOrEqual((4 * 60) / q.tempo);
    expect(Math.max(...audio.channels[0]!.subarray(0, audio.sampleRate * 2).map(Math.abs))).toBeGreaterThan(
      0.01,
    );
    // Each half note sounds the pitch the answer key says (autocorrelation, within 1 %).
    const key = keyOf('interval_recognition', 1, 2);
    if (key.type !== 'interval_recognition') throw new Error('wrong key');
    const beat = 60 / q.tempo;
    key.notes.forEach((p, i) => {
      const from = Math.round((i * 2 * beat + 0.3) * audio.sampleRate);
      const hz = pitchHz(audio.channels[0]!, audio.sampleRate, from, 8192);
      expect(Math.abs(hz / frequencyOf(p) - 1)).toBeLessThan(0.01);
    });
    const mp3 = await t.app.inject({ method: 'GET', url: q.audio_urls.mp3 });
    expect(mp3.statusCode).toBe(200);
    expect(mp3.headers['content-type']).toBe('audio/mpeg');
    expect(mp3.rawPayload.byteLength).toBeGreaterThan(1000);
  });

  it('grades a melodic dictation note by note', async () => {
    const q = EarTrainingQuestionResponse.parse(
      (await ask({ type: 'melodic_dictation', difficulty: 3, seed: 8 })).json(),
    );
    expect(q.choices).toEqual([]);
    expect(q.given.some((g) => g.startsWith('first note '))).toBe(true);
    const key = keyOf('melodic_dictation', 3, 8);
    if (key.type !== 'melodic_dictation') throw new Error('wrong key');
    expect(q.lead_in_beats).toBe(toNumber({ n: key.timeSignature.beats * 4, d: key.timeSignature.beatType }));
    const written = asJson(key.answer);
    written[1] = {
      ...written[1]!,
      pitch: pitchName({ ...key.answer[1]!.pitch!, octave: key.answer[1]!.pitch!.octave + 1 }),
    };
    const res = EarTrainingAnswerResponse.parse(
      (await answer({ question_id: q.question_id, answer: written })).json(),
    );
    expect(res.correct).toBe(false);
    expect(res.correct_notes).toHaveLength(key.answer.length);
    expect(res.grading!.notes.map((n) => n.correct)).toEqual(key.answer.map((_, i) => i !== 1));
    expect(res.grading!.notes[1]!.pitch_correct).toBe(false);
    expect(res.grading!.notes[1]!.rhythm_correct).toBe(true);
    expect(res.explanation).toContain('Note 2: pitch: you wrote');
    const perfect = EarTrainingAnswerResponse.parse(
      (await answer({ question_id: q.question_id, answer: asJson(key.answer) })).json(),
    );
    expect(perfect.correct).toBe(true);
    expect(perfect.grading!.score).toBe(100);
  });

  it('grades a rhythm dictation, rests included', async () => {
    const q = EarTrainingQuestionResponse.parse(
      (await ask({ type: 'rhythm_dictation', difficulty: 5, seed: 3 })).json(),
    );
    const key = keyOf('rhythm_dictation', 5, 3);
    if (key.type !== 'rhythm_dictation') throw new Error('wrong key');
    const written = asJson(key.answer).slice(0, -1);
    const res = EarTrainingAnswerResponse.parse(
      (await answer({ question_id: q.question_id, answer: written })).json(),
    );
    expect(res.correct).toBe(false);
    expect(res.grading!.pitch_accuracy).toBeNull();
    expect(res.grading!.notes.filter((n) => n.given === null)).toHaveLength(1);
    const perfect = EarTrainingAnswerResponse.parse(
      (await answer({ question_id: q.question_id, answer: asJson(key.answer) })).json(),
    );
    expect(perfect.correct).toBe(true);
  });

  it('documents the four routes in /openapi.json', async () => {
    const doc = (await t.app.inject({ url: '/openapi.json' })).json<{
      paths: Record<string, Record<string, { summary?: string; tags?: string[] }>>;
    }>();
    const ask = doc.paths['/ear-training/questions']?.post;
    const check = doc.paths['/ear-training/answers']?.post;
    const audio = doc.paths['/ear-training/questions/{id}/{file}']?.get;
    const again = doc.paths['/ear-training/questions/{id}']?.get;
    for (const route of [ask, check, audio, again]) {
      expect(route?.tags).toEqual(['ear-training']);
      expect(route?.summary?.length).toBeGreaterThan(10);
    }
  });

  it.each([
    [{ type: 'interval_recognition', difficulty: 0 }, 'body.difficulty'],
    [{ type: 'interval_recognition', difficulty: 11 }, 'body.difficulty'],
    [{ type: 'interval_recognition', difficulty: 2.5 }, 'body.difficulty'],
    [{ type: 'perfect_pitch', difficulty: 3 }, 'body.type'],
    [{ difficulty: 3 }, 'body.type'],
    [{ type: 'chord_quality', difficulty: 3, seed: -4 }, 'body.seed'],
  ])('question %j → 400 naming %s', async (payload, path) => {
    const res = await ask(payload);
    expect(res.statusCode).toBe(400);
    const error = errorOf(res);
    expect(error.code).toBe('invalid_request');
    const issues = (error.details as { issues: { path: string }[] }).issues;
    expect(issues.map((i) => i.path)).toContain(path);
  });

  it('answers 400 naming the bad part of an answer, 404 for a question that is not there', async () => {
    const interval = EarTrainingQuestionResponse.parse(
      (await ask({ type: 'interval_recognition', difficulty: 1, seed: 1 })).json(),
    );
    const melody = EarTrainingQuestionResponse.parse(
      (await ask({ type: 'melodic_dictation', difficulty: 1, seed: 1 })).json(),
    );
    const cases: [Record<string, unknown>, string][] = [
      [{ question_id: interval.question_id, answer: 'M7' }, 'body.answer'],
      [{ question_id: interval.question_id, answer: [{ duration: '1' }] }, 'body.answer'],
      [{ question_id: melody.question_id, answer: 'm3' }, 'body.answer'],
      [
        {
          question_id: melody.question_id,
          answer: [
            { pitch: 'C4', duration: '1' },
            { pitch: 'H4', duration: '1' },
          ],
        },
        'body.answer.1.pitch',
      ],
      [
        { question_id: melody.question_id, answer: [{ pitch: 'C4', duration: 'long' }] },
        'body.answer.0.duration',
      ],
      [{ question_id: 'not-an-id', answer: 'm3' }, 'body.question_id'],
    ];
    for (const [payload, path] of cases) {
      const res = await answer(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      const issues = (errorOf(res).details as { issues: { path: string }[] }).issues;
      expect(issues.map((i) => i.path)).toContain(path);
    }
    const missing = await answer({ question_id: 'AAAAAAAAAAAAAAAAAAAAAA', answer: 'm3' });
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).code).toBe('not_found');
    const noQuestion = await t.app.inject({
      method: 'GET',
      url: '/ear-training/questions/AAAAAAAAAAAAAAAAAAAAAA',
    });
    expect(noQuestion.statusCode).toBe(404);
    const badId = await t.app.inject({ method: 'GET', url: '/ear-training/questions/..%2Fsecrets' });
    expect(badId.statusCode).toBe(400);
    const noAudio = await t.app.inject({
      method: 'GET',
      url: '/ear-training/questions/AAAAAAAAAAAAAAAAAAAAAA/audio.wav',
    });
    expect(noAudio.statusCode).toBe(404);
    const badFile = await t.app.inject({
      method: 'GET',
      url: `/ear-training/questions/${interval.question_id}/audio.flac`,
    });
    expect(badFile.statusCode).toBe(400);
    // Another kind of blob (a generated MIDI) is not a question either.
    const gen = (
      await t.app.inject({
        method: 'POST',
        url: '/jazz/generate',
        payload: { description: 'a tune in F', seed: 1 },
      })
    ).json<{ id: string }>();
    expect((await answer({ question_id: gen.id, answer: 'm3' })).statusCode).toBe(404);
  });
});
