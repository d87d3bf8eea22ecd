import {
  ExerciseResponse,
  PlacementResponse,
  PlacementTestResponse,
  type PlacementSubmission,
} from '@cadenza/contracts';
import { createProfile, placeStudent, type PlacementResult, type PlacementTest } from '@cadenza/pedagogy';
import { questionOfRef } from '@cadenza/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from './helpers.js';
import { openStudioApp, signUp, type StudioTestApp, type TestUser } from './studio-helpers.js';

// POST /students/me/placement/test and /students/me/placement: a test answered all right places higher
// than one answered all wrong, with exactly the skills the core's placeStudent computes.
let t: StudioTestApp;
const as = (user: TestUser) => ({ cookie: user.cookie });

const ONBOARDING = { self_level: 4, practice_frequency: 'daily', session_duration: 20 } as const;

beforeAll(async () => {
  t = await openStudioApp('sqlite');
});
afterAll(() => t.close());

async function student(name: string): Promise<TestUser> {
  const user = await signUp(t.app, 'student', name);
  const res = await t.app.inject({
    method: 'PUT',
    url: '/students/me/profile',
    headers: as(user),
    payload: ONBOARDING,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return user;
}

async function takeTest(user: TestUser): Promise<PlacementTestResponse> {
  const res = await t.app.inject({ method: 'POST', url: '/students/me/placement/test', headers: as(user) });
  expect(res.statusCode, res.body).toBe(200);
  return PlacementTestResponse.parse(res.json());
}

async function exerciseOf(id: string): Promise<ExerciseResponse> {
  const res = await t.app.inject({ url: `/exercises/${id}` });
  expect(res.statusCode, res.body).toBe(200);
  return ExerciseResponse.parse(res.json());
}

/** The right choice of an ear-training question, asked anonymously (nothing is learned from it). */
async function earAnswer(questionId: string, anyChoice: string): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/ear-training/answers',
    payload: { question_id: questionId, answer: anyChoice },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ correct_choice: string }>().correct_choice;
}

/** Every item answered right (perfect notes, right choices) or wrong (nothing played, a wrong choice). */
async function answers(test: PlacementTestResponse, right: boolean): Promise<PlacementSubmission['answers']> {
  const out: PlacementSubmission['answers'] = [];
  for (const item of test.items) {
    if (item.kind === 'exercise') {
      const exercise = await exerciseOf(item.exercise_id ?? '');
      const notes = right
        ? exercise.midi_notes.map((n) => ({ midi: n.midi, start: 0.4 + n.start, duration: 0.9 * n.duration }))
        : [];
      out.push({ item_id: item.item_id, notes });
    } else {
      const choices = (item.ear_training ?? item.theory_question)?.choices ?? [];
      const key =
        item.kind === 'ear_training'
          ? await earAnswer(item.question_id ?? '', choices[0]?.id ?? '')
          : questionOfRef(item.theory_question?.question_ref ?? '').answer;
      const choice = right ? key : (choices.find((c) => c.id !== key)?.id ?? '');
      out.push({ item_id: item.item_id, choice });
    }
  }
  return out;
}

/** The core's test rebuilt from what the API showed (ids, skills, kinds, difficulties, exercise types). */
async function coreTest(test: PlacementTestResponse): Promise<PlacementTest> {
  const items = [];
  for (const item of test.items) {
    const exercise = item.exercise_id ? await exerciseOf(item.exercise_id) : undefined;
    items.push({
      id: item.item_id,
      skill: item.skill,
      title: item.title,
      kind: item.kind,
      difficulty: item.difficulty,
      ...(exercise
        ? { exercise: { skill_type: exercise.skill_type as 'scales', difficulty: item.difficulty, seed: 0 } }
        : {}),
    });
  }
  return { selfLevel: 4, seed: 0, items };
}

describe('placement', () => {
  it('covers all six skills with exercises to play, a question to hear and one to read', async () => {
    const user = await student('covers');
    const test = await takeTest(user);
    expect(new Set(test.items.map((i) => i.skill))).toEqual(
      new Set([
        'technique',
        'rhythm_accuracy',
        'sight_reading',
        'pitch_accuracy',
        'ear_training',
        'music_theory',
      ]),
    );
    for (const item of test.items.filter((i) => i.kind === 'exercise'))
      await exerciseOf(item.exercise_id ?? '');
    const ear = test.items.find((i) => i.kind === 'ear_training');
    expect(ear?.ear_training?.audio_url).toBe(`/ear-training/questions/${ear?.question_id}/audio.wav`);
    const question = await t.app.inject({ url: `/ear-training/questions/${ear?.question_id}` });
    expect(question.statusCode).toBe(200);
    expect(JSON.stringify(test)).not.toContain('correct');
  });

  it('all right places higher than all wrong, exactly as the core places them', async () => {
    const good = await student('good');
    const poor = await student('poor');
    const placed: Record<string, PlacementResponse> = {};
    for (const [user, right] of [
      [good, true],
      [poor, false],
    ] as const) {
      const test = await takeTest(user);
      const res = await t.app.inject({
        method: 'POST',
        url: '/students/me/placement',
        headers: as(user),
        payload: { test_id: test.test_id, answers: await answers(test, right) },
      });
      expect(res.statusCode, res.body).toBe(200);
      const body = PlacementResponse.parse(res.json());
      expect(body.results.map((r) => r.accuracy)).toEqual(test.items.map(() => (right ? 1 : 0)));
      expect(body.profile.placed).toBe(true);
      const results: PlacementResult[] = test.items.map((i) => ({
        itemId: i.item_id,
        accuracy: right ? 1 : 0,
        ...(i.kind === 'exercise' ? { pitchAccuracy: right ? 1 : 0, rhythmAccuracy: right ? 1 : 0 } : {}),
      }));
      const profile = createProfile({
        selfLevel: 4,
        practiceFrequency: 'daily',
        sessionMinutes: 20,
        preferredGenres: [],
        learningStyle: 'visual',
      });
      const expected = placeStudent(profile, results, await coreTest(test));
      expect(body.profile.skills).toEqual(expected.profile.skills);
      expect(body.profile.skill_levels).toEqual(expected.profile.skillLevels);
      expect(body.changes.map((c) => c.reason)).toEqual(expected.changes.map((c) => c.reason));
      placed[right ? 'good' : 'poor'] = body;
    }
    const goodLevels = placed.good?.profile.skill_levels;
    const poorLevels = placed.poor?.profile.skill_levels;
    if (!goodLevels || !poorLevels) throw new Error('not placed');
    for (const skill of Object.keys(goodLevels) as (keyof typeof goodLevels)[]) {
      expect(goodLevels[skill], skill).toBeGreaterThan(poorLevels[skill]);
    }
    expect(placed.good?.profile.current_level).toBeGreaterThan(placed.poor?.profile.current_level ?? 10);
  });

  it("refuses another student's test (404) and an item that is not in the test (400)", async () => {
    const owner = await student('owner');
    const other = await student('other');
    const test = await takeTest(owner);
    const stolen = await t.app.inject({
      method: 'POST',
      url: '/students/me/placement',
      headers: as(other),
      payload: { test_id: test.test_id, answers: [] },
    });
    expect(stolen.statusCode).toBe(404);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/students/me/placement',
      headers: as(owner),
      payload: { test_id: test.test_id, answers: [{ item_id: 'p99', choice: 'x' }] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(errorOf(unknown).message).toContain('answers[0].item_id');
  });
});
