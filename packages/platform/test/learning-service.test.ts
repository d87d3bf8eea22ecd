import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLearning,
  createRepositories,
  createTeaching,
  questionOfRef,
  readLearningDocument,
  theoryQuestionViews,
  type Learning,
  type Repositories,
} from '@cadenza/platform';
import { applyResults, createProfile, skillsForAttempt, type SkillResult } from '@cadenza/pedagogy';
import { openTestDatabase, probePostgres, type TestDatabase } from './fixtures/test-databases.js';

// The learning service over the student_profiles document, on both dialects: onboarding, adaptation from
// graded attempts, concurrent writes for one student (none lost), the week re-planned as it begins, and
// teacher access through accepted links only.
const postgres = await probePostgres();

const DAY = 86_400_000;
const MONDAY = Date.UTC(2026, 0, 5, 9);

describe.each(['sqlite', 'postgres'] as const)('learning service on %s', (dialect) => {
  const skip = dialect === 'postgres' && !postgres.available;
  let t: TestDatabase;
  let repos: Repositories;
  let learning: Learning;
  let clock = MONDAY;
  let student = '';
  let teacher = '';
  let other = '';
  let counter = 0;

  const user = async (role: 'student' | 'teacher') =>
    (
      await repos.users.create({
        email: `${role}.${++counter}@example.com`,
        displayName: role,
        passwordHash: 'h',
        role,
      })
    ).id;

  beforeAll(async () => {
    if (skip) return;
    t = await openTestDatabase(dialect, 'learning');
    repos = createRepositories(t.database.db, () => clock);
    const teaching = createTeaching(repos);
    learning = createLearning({
      profiles: repos.studentProfiles,
      attempts: repos.practiceAttempts,
      teaching,
      now: () => clock,
    });
    student = await user('student');
    other = await user('student');
    teacher = await user('teacher');
    await repos.teacherLinks.link(teacher, student);
    await repos.teacherLinks.accept(teacher, student);
    await repos.teacherLinks.link(teacher, other);
  });
  afterAll(async () => {
    if (!skip) await t.cleanup();
  });

  describe.skipIf(skip)('', () => {
    it('keeps one versioned document per student', async () => {
      const created = await learning.putProfile(student, {
        self_level: 5,
        practice_frequency: 'daily',
        session_duration: 20,
        preferred_genres: ['jazz'],
        learning_style: 'visual',
        short_term_goals: [],
        long_term_goals: [],
        target_songs: [],
      });
      expect(created.created).toBe(true);
      const row = await repos.studentProfiles.get(student);
      const doc = row && readLearningDocument(row.profile);
      expect(doc?.version).toBe(1);
      expect(doc?.profile.skillLevels.technique).toBe(5);
      expect(doc?.history).toHaveLength(1);
    });

    it('adapts from graded attempts exactly as the core does: three at 60 % lower rhythm', async () => {
      let expected = (await learning.getProfile(student)).skill_levels.rhythm_accuracy;
      let core = createProfile({
        selfLevel: 5,
        practiceFrequency: 'daily',
        sessionMinutes: 20,
        preferredGenres: ['jazz'],
        learningStyle: 'visual',
      });
      const results: SkillResult[] = [];
      const reasons: string[] = [];
      for (let i = 0; i < 3; i++) {
        clock += 60_000;
        const level = (await learning.getProfile(student)).skill_levels.rhythm_accuracy;
        const take = {
          skillType: 'rhythm',
          score: 0.6,
          rhythmAccuracy: 0.6,
          pitchAccuracy: 1,
          difficulty: level,
          at: clock,
        } as const;
        await learning.recordPracticeAttempt(student, { ...take, score: 60, minutes: 2 });
        for (const result of skillsForAttempt(take)) {
          const applied = applyResults(core, results, result);
          core = applied.profile;
          results.push(result);
          reasons.push(...applied.changes.map((c) => c.reason));
        }
        expected = core.skillLevels.rhythm_accuracy;
        expect((await learning.getProfile(student)).skill_levels.rhythm_accuracy).toBe(expected);
      }
      expect(expected).toBeLessThan(5);
      const profile = await learning.getProfile(student);
      expect(profile.skill_levels.technique).toBe(5);
      const progress = await learning.progress(student);
      expect(progress.changes[0]?.reason).toBe(reasons.at(-1));
      expect(progress.changes[0]?.reason).toMatch(/^rhythm accuracy 60 % .* → easier rhythm/);
      expect(progress.practice_minutes_by_week).toEqual([{ week_start: '2026-01-05', minutes: 6 }]);
    });

    it('loses no write when attempts and check-offs for one student arrive together', async () => {
      const plan = await learning.makeCurriculum(student, 2, { seed: 3 });
      const items = plan.weeks[0]?.sessions.flatMap((s) => s.items).slice(0, 8) ?? [];
      expect(items.length).toBe(8);
      const before = (await learning.progress(student)).attempts.total;
      await Promise.all([
        ...items.map((item) => learning.checkOff(student, item.item_id)),
        ...items.map(() =>
          learning.recordPracticeAttempt(student, {
            skillType: 'scales',
            difficulty: 5,
            score: 80,
            pitchAccuracy: 0.8,
            rhythmAccuracy: 0.8,
            minutes: 1,
          }),
        ),
      ]);
      const after = await learning.getCurriculum(student);
      const done = new Set(
        after.weeks
          .flatMap((w) => w.sessions.flatMap((s) => s.items.filter((i) => i.done)))
          .map((i) => i.item_id),
      );
      expect([...done].sort()).toEqual(items.map((i) => i.item_id).sort());
      expect((await learning.progress(student)).attempts.total).toBe(before + 8);
    });

    it('re-plans week 2 from the results when it begins, saying why', async () => {
      const plan = await learning.getCurriculum(student);
      const week2 = plan.weeks[1];
      if (!week2) throw new Error('no week 2');
      clock = Date.parse(`${week2.start_date}T10:00:00Z`);
      const day = await learning.today(student, week2.start_date);
      expect(day.week_number).toBe(2);
      expect(day.reasons.some((r) => r.startsWith('Week 2 re-planned from your results'))).toBe(true);
      const replanned = await learning.getCurriculum(student);
      expect(replanned.weeks[0]).toEqual(plan.weeks[0]);
      // The re-planned week starts from the skill levels as the results left them.
      const profile = await learning.getProfile(student);
      expect(replanned.weeks[1]?.skill_levels).toEqual(profile.skill_levels);
      expect(replanned.weeks[1]?.start_date).toBe(week2.start_date);
      // Asking again the same week does not plan it again.
      await learning.today(student, week2.start_date);
      expect(await learning.getCurriculum(student)).toEqual(replanned);
    });

    it('looks ahead without re-planning, and starts a new plan of the same length after the last week', async () => {
      const plan = await learning.getCurriculum(student);
      const end = Date.parse(`${plan.weeks.at(-1)?.start_date ?? ''}T00:00:00Z`) + 7 * DAY;
      const after = new Date(end + 3 * DAY).toISOString().slice(0, 10);
      const ahead = await learning.today(student, after);
      expect(ahead.week_number).toBeNull();
      expect(await learning.getCurriculum(student)).toEqual(plan);
      clock = end + 3 * DAY + 3_600_000;
      const day = await learning.today(student, after);
      const renewed = await learning.getCurriculum(student);
      expect(renewed.weeks).toHaveLength(2);
      expect(renewed.weeks[0]?.week_number).toBe(3);
      expect(renewed.weeks[0]?.start_date).toBe(new Date(end).toISOString().slice(0, 10));
      expect(day.week_number).toBe(3);
      clock = MONDAY + 30 * DAY;
    });

    it('marks a theory topic learned after three right answers in a row, not after a wrong one breaks the run', async () => {
      const topic = 'note-values';
      const refs = theoryQuestionViews(topic, 11, 4).map((q) => q.question_ref);
      const right = (ref: string) => questionOfRef(ref).answer;
      const wrong = (ref: string) => questionOfRef(ref).choices.find((c) => c.id !== right(ref))?.id ?? '';
      const answer = (ref: string, choice: string) =>
        learning.answerTheory(student, { questionRef: ref, choice });
      const [a, b, c, d] = refs as [string, string, string, string];
      await answer(a, right(a));
      await answer(b, right(b));
      const missed = await answer(c, wrong(c));
      expect(missed.correct).toBe(false);
      expect((await learning.getProfile(student)).theory_learned).not.toContain(topic);
      await answer(d, right(d));
      await answer(a, right(a));
      expect((await learning.getProfile(student)).theory_learned).not.toContain(topic);
      const third = await answer(b, right(b));
      expect(third.correct).toBe(true);
      expect(third.next_review).not.toBeNull();
      expect((await learning.getProfile(student)).theory_learned).toContain(topic);
    });

    it('lets a teacher read only students who accepted', async () => {
      expect((await learning.studentProfile(teacher, student)).student_id).toBe(student);
      await expect(learning.studentProfile(teacher, other)).rejects.toMatchObject({ code: 'not_found' });
      await expect(learning.studentProgress(other, student)).rejects.toMatchObject({ code: 'not_found' });
    });
  });
});
