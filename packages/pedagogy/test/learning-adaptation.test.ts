import { describe, expect, it } from 'vitest';
import {
  adaptDifficulty,
  applyResults,
  createProfile,
  MIN_EVIDENCE,
  playedAtLevel,
  ruleEvidence,
  RequestFieldError,
  skillsForAttempt,
  skillTarget,
  type SkillResult,
} from '../src/index.js';

describe('adaptDifficulty (the spec rule)', () => {
  it.each([
    [5, [0.95, 0.92, 0.97], 5.5, 0.5],
    [5, [0.5, 0.6, 0.65], 4.5, -0.5],
    [5, [0.8, 0.85], 5, 0],
    [9.8, [1, 1, 1], 10, 0.5],
    [10, [0.99], 10, 0.5],
    [1.2, [0.1, 0.2], 1, -0.5],
    [1, [0.3], 1, -0.5],
  ])('level %d with %j → %d (rule %d)', (level, accuracies, expected, change) => {
    const r = adaptDifficulty(level, accuracies);
    expect(r.level).toBeCloseTo(expected, 10);
    expect(r.change).toBe(change);
  });

  it('exactly 0.90 and exactly 0.70 keep the level', () => {
    expect(adaptDifficulty(4, [0.9, 0.9, 0.9])).toEqual({ level: 4, change: 0, trend: 0.9 });
    expect(adaptDifficulty(4, [0.7, 0.7])).toEqual({ level: 4, change: 0, trend: 0.7 });
    expect(adaptDifficulty(4, [0.9001]).change).toBe(0.5);
    expect(adaptDifficulty(4, [0.6999]).change).toBe(-0.5);
  });

  it('the trend is the mean of the last five accuracies only', () => {
    // the two old failures fall out of the window
    const r = adaptDifficulty(3, [0, 0, 0.95, 0.95, 0.95, 0.95, 0.95]);
    expect(r.trend).toBeCloseTo(0.95, 10);
    expect(r.level).toBe(3.5);
    expect(adaptDifficulty(3, [0.5, 0.5, 1, 1, 1]).trend).toBeCloseTo(0.8, 10);
  });

  it('no accuracies: no change, no trend', () => {
    expect(adaptDifficulty(6, [])).toEqual({ level: 6, change: 0, trend: undefined });
  });
});

describe('skillTarget and applyResults', () => {
  const profile = createProfile({
    selfLevel: 3,
    practiceFrequency: 'daily',
    sessionMinutes: 20,
    preferredGenres: [],
    learningStyle: 'visual',
  });
  const result = (skill: SkillResult['skill'], accuracy: number, difficulty = 3, at = 0): SkillResult => ({
    skill,
    accuracy,
    difficulty,
    at,
  });

  it('95 % at level 3 puts the student near level 3.75, not at 0.95', () => {
    expect(skillTarget(result('technique', 0.95))).toBeCloseTo(2.75 / 9, 6);
    expect(skillTarget(result('technique', 0.8, 5))).toBeCloseTo(4 / 9, 6);
    expect(skillTarget(result('technique', 0, 1))).toBe(0);
    expect(skillTarget(result('technique', 1, 10))).toBe(1);
  });

  it('a cruising student gets harder work with a reason; other skills are untouched', () => {
    const history = [0.93, 0.96, 0.95, 0.94].map((a, i) => result('technique', a, 3, i));
    const { profile: next, changes } = applyResults(profile, history, result('technique', 0.97, 3, 10));
    expect(next.skillLevels.technique).toBe(3.5);
    expect(next.skillLevels.rhythm_accuracy).toBe(3);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ skill: 'technique', from: 3, to: 3.5 });
    expect(changes[0]?.trend).toBeCloseTo(0.95, 6);
    expect(changes[0]?.reason).toBe(
      'technique at 95 % over your last 5 attempts → harder technique (difficulty 3 → 3.5)',
    );
    // the estimate moves 30 % of the way from 2/9 toward (3 + 0.17·5 − 1)/9
    const target = (2 + 0.17 * 5) / 9;
    expect(next.skills.technique).toBeCloseTo(0.222 + 0.3 * (target - 0.222), 3);
    expect(next.skills.technique).toBeLessThan(0.5);
  });

  it('a struggling rhythm gets easier, in words the student reads', () => {
    const history = [0.6, 0.7, 0.62, 0.66].map((a, i) => result('rhythm_accuracy', a, 3, i));
    const { profile: next, changes } = applyResults(profile, history, result('rhythm_accuracy', 0.62, 3, 9));
    expect(next.skillLevels.rhythm_accuracy).toBe(2.5);
    expect(changes[0]?.reason).toBe(
      'rhythm accuracy 64 % over your last 5 attempts → easier rhythm (difficulty 3 → 2.5)',
    );
    expect(next.skills.rhythm_accuracy).toBeLessThan(profile.skills.rhythm_accuracy);
  });

  it('only the result skill counts, and a newest result already in the list is not counted twice', () => {
    const newest = result('ear_training', 0.99, 3, 5);
    const mixed = [
      result('technique', 0.1),
      result('ear_training', 0.8, 3, 1),
      result('ear_training', 0.9, 3, 2),
      newest,
    ];
    // trend (0.8 + 0.9 + 0.99) / 3 = 0.897 → no change; counted twice it would be 0.92 → up
    const { profile: next, changes } = applyResults(profile, mixed, newest);
    expect(next.skillLevels.ear_training).toBe(3);
    expect(changes).toEqual([]);
  });

  it('the clamps hold: no change is reported at the top or the bottom', () => {
    const top = { ...profile, skillLevels: { ...profile.skillLevels, technique: 10 } };
    const high = [1, 1].map((a, i) => result('technique', a, 10, i));
    const up = applyResults(top, high, result('technique', 1, 10, 5));
    expect(up.profile.skillLevels.technique).toBe(10);
    expect(up.changes).toEqual([]);
    const bottom = { ...profile, skillLevels: { ...profile.skillLevels, technique: 1 } };
    const low = [0.1, 0.2].map((a, i) => result('technique', a, 1, i));
    const down = applyResults(bottom, low, result('technique', 0.1, 1, 5));
    expect(down.profile.skillLevels.technique).toBe(1);
    expect(down.changes).toEqual([]);
  });

  it(`needs ${MIN_EVIDENCE} results at the current difficulty before it moves it`, () => {
    const two = applyResults(profile, [result('technique', 1, 3, 1)], result('technique', 1, 3, 2));
    expect(two.profile.skillLevels.technique).toBe(3);
    expect(two.changes).toEqual([]);
    const three = applyResults(
      profile,
      [result('technique', 1, 3, 1), result('technique', 1, 3, 2)],
      result('technique', 1, 3, 3),
    );
    expect(three.profile.skillLevels.technique).toBe(3.5);
    expect(three.changes[0]?.reason).toBe(
      'technique at 100 % over your last 3 attempts → harder technique (difficulty 3 → 3.5)',
    );
    expect(three.profile.difficultySince?.technique).toBe(3);
  });

  it('after a change the evidence restarts: attempts at the old difficulty never move it again', () => {
    let p = profile;
    const history: SkillResult[] = [];
    const levels: number[] = [];
    // five attempts at 100 %, all played at difficulty 3 (a plan made before the change)
    for (let i = 0; i < 5; i++) {
      const r = result('rhythm_accuracy', 1, 3, i);
      p = applyResults(p, history, r).profile;
      history.push(r);
      levels.push(p.skillLevels.rhythm_accuracy);
    }
    // up once after the third (3 → 3.5); the 4th and 5th are evidence for 3.5 (within half a level) but
    // not three of them yet: the old sliding window of five would have moved it on every attempt
    expect(levels).toEqual([3, 3, 3.5, 3.5, 3.5]);
    // the sixth at 3.5 (played at 4, the upper neighbour) makes three since the change → 4
    const sixth = result('rhythm_accuracy', 1, 4, 6);
    expect(applyResults(p, history, sixth).profile.skillLevels.rhythm_accuracy).toBe(4);
  });

  it('results played far from the current difficulty teach the estimate but do not move the difficulty', () => {
    const five = { ...profile, skillLevels: { ...profile.skillLevels, music_theory: 5 } };
    // a theory topic at level 3 and one at level 6.5: 100 % and 0 %, three times each
    const easy = [0, 1, 2].map((i) => result('music_theory', 1, 3, i));
    const hard = [0, 1, 2].map((i) => result('music_theory', 0, 6.5, 10 + i));
    const afterEasy = applyResults(five, easy.slice(0, 2), easy[2] as SkillResult);
    expect(afterEasy.profile.skillLevels.music_theory).toBe(5);
    expect(afterEasy.changes).toEqual([]);
    expect(afterEasy.profile.skills.music_theory).toBeGreaterThan(five.skills.music_theory);
    const afterHard = applyResults(five, hard.slice(0, 2), hard[2] as SkillResult);
    expect(afterHard.profile.skillLevels.music_theory).toBe(5);
    expect(afterHard.profile.skills.music_theory).toBeLessThan(five.skills.music_theory);
    // within half a level counts: 4.5 and 5.5 are evidence for 5
    const near = [result('music_theory', 0.95, 4.5, 20), result('music_theory', 0.95, 5.5, 21)];
    const moved = applyResults(five, near, result('music_theory', 0.95, 5, 22));
    expect(moved.profile.skillLevels.music_theory).toBe(5.5);
    expect(playedAtLevel(result('music_theory', 1, 4.5), 5)).toBe(true);
    expect(playedAtLevel(result('music_theory', 1, 4), 5)).toBe(false);
  });

  it('the evidence window: the skill’s results since its last change within half a level', () => {
    const p = {
      ...profile,
      skillLevels: { ...profile.skillLevels, sight_reading: 4 },
      difficultySince: { sight_reading: 10 },
    };
    const rs = [
      result('sight_reading', 0.9, 4, 5), // before the change
      result('sight_reading', 0.9, 4, 11),
      result('technique', 0.9, 4, 12), // another skill
      result('sight_reading', 0.9, 6, 13), // a song at level 6
      result('sight_reading', 0.8, 3.5, 14),
    ];
    expect(ruleEvidence(p, 'sight_reading', rs).map((r) => r.at)).toEqual([11, 14]);
  });

  it('level and weaknesses are derived again', () => {
    const low = applyResults(profile, [], result('music_theory', 0.1, 3)).profile;
    expect(low.identifiedWeaknesses[0]).toBe('music_theory');
  });
});

describe('skillsForAttempt', () => {
  const at = 1_700_000_000_000;
  const skills = (a: Parameters<typeof skillsForAttempt>[0]): [string, number][] =>
    skillsForAttempt(a).map((r) => [r.skill, r.accuracy]);

  it.each([
    ['scales', 'technique'],
    ['arpeggios', 'technique'],
    ['chord_progressions', 'technique'],
    ['rhythm', 'rhythm_accuracy'],
    ['sight_reading', 'sight_reading'],
    ['song', 'sight_reading'],
    ['ear_training', 'ear_training'],
    ['theory', 'music_theory'],
  ] as const)('%s trains %s', (skillType, skill) => {
    const [first] = skillsForAttempt({ skillType, score: 0.7, difficulty: 4, at });
    expect(first).toEqual({ skill, accuracy: 0.7, difficulty: 4, at });
  });

  it('played attempts add pitch and rhythm accuracy', () => {
    expect(
      skills({ skillType: 'scales', score: 0.8, pitchAccuracy: 0.9, rhythmAccuracy: 0.6, difficulty: 2, at }),
    ).toEqual([
      ['technique', 0.8],
      ['pitch_accuracy', 0.9],
      ['rhythm_accuracy', 0.6],
    ]);
    expect(skills({ skillType: 'song', score: 0.5, pitchAccuracy: 0.4, difficulty: 2, at })).toEqual([
      ['sight_reading', 0.5],
      ['pitch_accuracy', 0.4],
    ]);
    // a rhythm exercise: its score is the rhythm accuracy; one pitch says nothing of pitch accuracy
    expect(
      skills({ skillType: 'rhythm', score: 0.7, pitchAccuracy: 1, rhythmAccuracy: 0.7, difficulty: 2, at }),
    ).toEqual([['rhythm_accuracy', 0.7]]);
    // ear training and theory are not played
    expect(skills({ skillType: 'theory', score: 1, pitchAccuracy: 1, difficulty: 2, at })).toEqual([
      ['music_theory', 1],
    ]);
  });

  it('refuses scores outside 0–1', () => {
    expect(() => skillsForAttempt({ skillType: 'scales', score: 80, difficulty: 2, at })).toThrow(
      RequestFieldError,
    );
    expect(() => skillsForAttempt({ skillType: 'scales', score: 0.8, difficulty: 0, at })).toThrow(
      RequestFieldError,
    );
  });
});
