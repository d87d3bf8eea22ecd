import {
  LEARNING_GENRE_VALUES,
  LEARNING_SKILLS,
  LEARNING_STYLE_VALUES,
  PRACTICE_FREQUENCY_VALUES,
  PLAN_ITEM_KIND_VALUES,
} from '@cadenza/contracts';
import { describe, expect, it } from 'vitest';
import type { PlacementItem, PlanItemView, ProgressPoint } from '../src/api/learning.js';
import { assignmentBody } from '../src/pages/learn/assignment-model.js';
import {
  dayText,
  daysText,
  difficultyText,
  KIND_LABELS,
  levelLabel,
  minutesText,
  percentText,
  sessionMinutes,
  SKILLS,
  skillMoveText,
} from '../src/pages/learn/learn-format.js';
import {
  buildProfileBody,
  DEFAULT_ONBOARDING,
  FREQUENCIES,
  GENRES,
  profileIssues,
  STYLES,
} from '../src/pages/learn/onboarding-model.js';
import {
  currentItem,
  isFinished,
  placementNotes,
  placementReducer,
  placementSubmission,
  progressText,
  startPlacement,
} from '../src/pages/learn/placement-flow.js';
import { earTrainingHref, exerciseRequestOf, practiceHref } from '../src/pages/learn/plan-item-links.js';
import { settingsFromQuery } from '../src/pages/ear-training/question-types.js';
import { chartGeometry, DEFAULT_BOX, xOf, yOf } from '../src/pages/learn/skill-chart-model.js';

const skills = (value: number) => ({
  pitch_accuracy: value,
  rhythm_accuracy: value,
  sight_reading: value,
  music_theory: value,
  ear_training: value,
  technique: value,
});

describe('the Learn page’s words', () => {
  it('names each self level from “never played” to “advanced”, clamped to 1–10', () => {
    expect(levelLabel(1)).toBe('1 · never played');
    expect(levelLabel(10)).toBe('10 · advanced');
    expect(levelLabel(0)).toBe('1 · never played');
    expect(levelLabel(14)).toBe('10 · advanced');
    expect(new Set(Array.from({ length: 10 }, (_, i) => levelLabel(i + 1))).size).toBe(10);
  });

  it('writes minutes, percentages, difficulties, days and dates as a student reads them', () => {
    expect(minutesText(25)).toBe('25 min');
    expect(minutesText(60)).toBe('1 h');
    expect(minutesText(65)).toBe('1 h 5 min');
    expect(percentText(0.644)).toBe('64 %');
    expect(difficultyText(3)).toBe('3 / 10');
    expect(difficultyText(3.5)).toBe('3.5 / 10');
    expect(difficultyText(3.26)).toBe('3.5 / 10');
    expect(daysText(1)).toBe('1 day');
    expect(daysText(0)).toBe('0 days');
    expect(dayText('2026-11-30')).toBe('Mon 30 Nov');
    expect(dayText('2026-11-27T23:30:00Z')).toBe('Fri 27 Nov');
    expect(dayText('not a date')).toBe('not a date');
  });

  it('adds up a session’s minutes and says how a skill moved', () => {
    expect(sessionMinutes([{ minutes: 10 }, { minutes: 12 }, { minutes: 8 }])).toBe(30);
    expect(skillMoveText('rhythm_accuracy', { value: 0.4, level: 3 }, { value: 0.55, level: 3.5 })).toBe(
      'Rhythm accuracy 40 % → 55 % (level 3 / 10 → 3.5 / 10)',
    );
    expect(skillMoveText('technique', { value: 0.3, level: 2 }, { value: 0.3, level: 2 })).toBe(
      'Technique 30 % → 30 % (level 2 / 10)',
    );
  });

  it('has a word for every skill and item kind the contracts know', () => {
    expect([...SKILLS]).toEqual([...LEARNING_SKILLS]);
    expect(Object.keys(KIND_LABELS).sort()).toEqual([...PLAN_ITEM_KIND_VALUES].sort());
  });
});

describe('the skills chart', () => {
  const point = (value: number, at: string): ProgressPoint => ({
    at,
    skills: skills(value),
    skill_levels: skills(3),
  });

  it('spreads the points across the plot and puts 100 % at the top, 0 % at the bottom', () => {
    const box = DEFAULT_BOX;
    expect(xOf(0, 3, box)).toBe(box.padding.left);
    expect(xOf(2, 3, box)).toBe(box.width - box.padding.right);
    expect(xOf(0, 1, box)).toBe((box.padding.left + box.width - box.padding.right) / 2);
    expect(yOf(1, box)).toBe(box.padding.top);
    expect(yOf(0, box)).toBe(box.height - box.padding.bottom);
    expect(yOf(1.7, box)).toBe(box.padding.top);
    expect(yOf(-1, box)).toBe(box.height - box.padding.bottom);
  });

  it('draws one line per skill through every history point, rising when the skill rises', () => {
    const history = [point(0.2, '2026-11-01T10:00:00Z'), point(0.5, '2026-11-02T10:00:00Z')];
    const { lines, gridY } = chartGeometry(history);
    expect(lines.map((line) => line.skill)).toEqual([...LEARNING_SKILLS]);
    for (const line of lines) {
      expect(line.points).toHaveLength(2);
      const [first, second] = line.points;
      expect(second?.y).toBeLessThan(first?.y ?? 0);
      expect(line.path).toMatch(/^M[\d.]+ [\d.]+ L[\d.]+ [\d.]+$/);
    }
    expect(gridY.map((grid) => grid.label)).toEqual(['0 %', '25 %', '50 %', '75 %', '100 %']);
    expect(chartGeometry([], DEFAULT_BOX, ['technique']).lines[0]?.path).toBe('');
  });
});

describe('the placement test, one item at a time', () => {
  const item = (id: string, kind: PlacementItem['kind']): PlacementItem => ({
    item_id: id,
    skill: 'pitch_accuracy',
    kind,
    title: id,
    difficulty: 2,
  });
  const items = [item('e1', 'exercise'), item('t1', 'theory'), item('h1', 'ear_training')];

  it('counts “1 of 3”, records choices and notes, skips, and sends the answers in order', () => {
    let state = startPlacement('test-1', items);
    expect(progressText(state)).toBe('1 of 3');
    expect(currentItem(state)?.item_id).toBe('e1');
    // A choice does not answer an exercise item: it stays.
    expect(placementReducer(state, { type: 'choose', choice: 'a' })).toBe(state);
    state = placementReducer(state, {
      type: 'play',
      notes: [{ midi: 60, start: 0.5, end: 1.25, velocity: 90 }],
    });
    expect(progressText(state)).toBe('2 of 3');
    expect(placementReducer(state, { type: 'play', notes: [] })).toBe(state);
    state = placementReducer(state, { type: 'skip' });
    state = placementReducer(state, { type: 'choose', choice: 'P5' });
    expect(isFinished(state)).toBe(true);
    expect(progressText(state)).toBe('3 of 3');
    expect(placementReducer(state, { type: 'skip' })).toBe(state);
    expect(state.skipped).toEqual(['t1']);
    expect(placementSubmission(state)).toEqual({
      test_id: 'test-1',
      answers: [
        { item_id: 'e1', notes: [{ midi: 60, start: 0.5, duration: 0.75, velocity: 90 }] },
        { item_id: 'h1', choice: 'P5' },
      ],
    });
  });

  it('sends notes as start and duration, never before 0', () => {
    expect(placementNotes([{ midi: 62, start: -0.02, end: 0.3, velocity: 70 }])).toEqual([
      { midi: 62, start: 0, duration: 0.32, velocity: 70 },
    ]);
  });
});

describe('the onboarding form', () => {
  it('sends the answers with goals and songs one a line, numbers as typed', () => {
    const built = buildProfileBody({
      ...DEFAULT_ONBOARDING,
      selfLevel: '4',
      frequency: '3x_week',
      minutes: ' 45 ',
      genres: ['jazz', 'blues'],
      style: 'auditory',
      shortGoals: 'play a blues\n\n  read treble clef  ',
      songs: 'scarborough-fair',
    });
    expect(built).toEqual({
      body: {
        self_level: 4,
        practice_frequency: '3x_week',
        session_duration: 45,
        preferred_genres: ['jazz', 'blues'],
        learning_style: 'auditory',
        short_term_goals: ['play a blues', 'read treble clef'],
        long_term_goals: [],
        target_songs: ['scarborough-fair'],
      },
    });
    // Out of range is the server's to judge; editing leaves the level out.
    const edit = buildProfileBody({ ...DEFAULT_ONBOARDING, minutes: '5' }, false);
    expect(edit).toMatchObject({ body: { session_duration: 5 } });
    expect('body' in edit && 'self_level' in edit.body).toBe(false);
  });

  it('refuses minutes that are not a number, next to the field', () => {
    expect(buildProfileBody({ ...DEFAULT_ONBOARDING, minutes: 'half an hour' })).toEqual({
      errors: { session_duration: 'Minutes per session must be a number, e.g. 30.' },
    });
    expect(buildProfileBody({ ...DEFAULT_ONBOARDING, minutes: '' })).toHaveProperty('errors');
  });

  it('puts a 400’s issues under their fields', () => {
    expect(
      profileIssues([
        { path: 'body.session_duration', message: 'session_duration must be at least 10 minutes' },
        { path: 'body.short_term_goals.2', message: 'Too long' },
        { path: 'query.x', message: 'odd' },
      ]),
    ).toEqual({
      fields: {
        session_duration: 'Minutes per session must be at least 10 minutes',
        short_term_goals: 'Too long',
      },
      other: ['odd'],
    });
  });

  it('offers exactly the contracts’ frequencies, genres and styles', () => {
    expect(FREQUENCIES.map((f) => f.value)).toEqual([...PRACTICE_FREQUENCY_VALUES]);
    expect(GENRES.map((g) => g.value)).toEqual([...LEARNING_GENRE_VALUES]);
    expect(STYLES.map((s) => s.value)).toEqual([...LEARNING_STYLE_VALUES]);
  });
});

describe('starting plan items and assigning', () => {
  it('opens ear training at the item’s type and difficulty', () => {
    const item: PlanItemView = {
      item_id: 'p1',
      kind: 'ear_training',
      skill: 'ear_training',
      title: 'Intervals',
      minutes: 5,
      difficulty: 3,
      ear_training: { type: 'chord_quality', difficulty: 3, count: 5 },
      done: false,
    };
    expect(earTrainingHref(item)).toBe('/ear-training?type=chord_quality&difficulty=3&plan_item=p1');
    expect(earTrainingHref({ ...item, ear_training: undefined })).toBeUndefined();
    expect(practiceHref('EX1', 'p2')).toBe('/practice?exercise=EX1&plan_item=p2');
  });

  it('starts an exercise with a seed the generator takes, the same one every time', () => {
    const exercise = { skill_type: 'scales', difficulty: 2, seed: 42 };
    expect(exerciseRequestOf(exercise)).toBe(exercise);
    const big = exerciseRequestOf({ ...exercise, seed: 2 ** 31 + 5 });
    expect(big).toEqual({ ...exercise, seed: 5 });
    expect(exerciseRequestOf({ ...exercise, seed: 2 ** 40 + 7 }).seed).toBe(7);
    expect(exerciseRequestOf({ ...exercise, seed: 2 ** 31 - 1 }).seed).toBe(2 ** 31 - 1);
  });

  it('sends an exercise or a song, on a day or the next session', () => {
    const form = {
      what: 'exercise' as const,
      skillType: 'arpeggios',
      difficulty: '4',
      songId: '',
      date: '2026-12-01',
      minutes: '12',
    };
    expect(assignmentBody(form)).toEqual({
      body: { exercise: { skill_type: 'arpeggios', difficulty: 4 }, minutes: 12, date: '2026-12-01' },
    });
    expect(assignmentBody({ ...form, what: 'song', songId: ' greensleeves ', date: '' })).toEqual({
      body: { song_id: 'greensleeves', minutes: 12 },
    });
    expect(assignmentBody({ ...form, minutes: 'ten' })).toEqual({
      error: 'Minutes must be a whole number, e.g. 10.',
    });
  });
});

describe('the Ear training page’s address', () => {
  it('reads the type and difficulty a plan item links with, ignoring what it does not know', () => {
    expect(settingsFromQuery(new URLSearchParams('type=chord_quality&difficulty=4'))).toEqual({
      type: 'chord_quality',
      difficulty: 4,
    });
    expect(settingsFromQuery(new URLSearchParams('type=singing&difficulty=11'))).toEqual({});
    expect(settingsFromQuery(new URLSearchParams('difficulty=2.5'))).toEqual({});
    expect(settingsFromQuery(new URLSearchParams(''))).toEqual({});
  });
});
