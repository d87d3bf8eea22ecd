// bench:learning conditions: one simulated student taken through 12 weeks (a) on the adaptive plan — the real
// generateCurriculum each week and the real applyResults after every graded item — and (b) on a fixed
// syllabus that plays exactly the same items (skill and minutes, week by week) at difficulties set in
// advance, ignoring results; plus an oracle that always practises at true level + 0.5 (the ceiling).
import { cloneLevels, forgetUnpractised, playItem } from './student-model.mjs';

const DAY_MS = 86_400_000;
/** Results handed to generateCurriculum as recentResults (the newest). */
const RECENT_RESULTS = 60;
/** The accuracy at which a theory item counts as its topic passed. */
const THEORY_PASS = 0.8;

const halfStep = (x) => Math.min(10, Math.max(1, Math.round(x * 2) / 2));
const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);

/**
 * The student's profile after onboarding and the placement test: createProfile from the onboarding answers,
 * then each skill's difficulty set to the placement estimate (half steps) and its 0–1 estimate to match
 * (skill = (level − 1) / 9, the core's own scale), marked placed.
 */
export function placedProfile(pedagogy, student, learningStyle) {
  const profile = pedagogy.createProfile({
    selfLevel: student.selfLevel,
    practiceFrequency: student.practiceFrequency,
    sessionMinutes: student.sessionMinutes,
    preferredGenres: student.preferredGenres,
    learningStyle,
  });
  const skillLevels = { ...student.placement };
  const skills = Object.fromEntries(
    Object.entries(skillLevels).map(([s, level]) => [s, Math.round(((level - 1) / 9) * 1000) / 1000]),
  );
  return pedagogy.deriveProfile({ ...profile, skills, skillLevels, placed: true });
}

/** The items of a week's plan in the order they are played: sessions by day, items in session order. */
const weekItems = (week) =>
  [...week.sessions]
    .sort((a, b) => a.day - b.day)
    .flatMap((s) => s.items.map((item) => ({ item, day: s.day })));

/** Per-week trace of a run: true levels after each week, minutes per skill, items played, gaps d − t. */
function newTrace(levels) {
  return { levels: [cloneLevels(levels)], minutes: [], items: [], gaps: [], planned: [] };
}

/**
 * (a) Adaptive: each week generateCurriculum(profile, {weeks: 1, startDate, seed, songs, recentResults,
 * dueReviews: []}); every item is played (its minutes at its difficulty for its skill) and its one graded
 * result goes through applyResults, which moves that skill's difficulty by the spec rule over the evidence
 * at its current difficulty; the next week is planned from the profile and results so far. `live` (the
 * product's way, default): each item goes through the core's liveItem as the student starts it, so
 * exercises and ear training are played at the skill's difficulty in the profile at that moment; without
 * it, at the difficulty frozen when the week was planned.
 */
export function runAdaptive(ctx, student, rng, { live = true } = {}) {
  const { pedagogy, model, weeks, startMs, songs, learningStyle, seed } = ctx;
  let profile = placedProfile(pedagogy, student, learningStyle);
  const levels = cloneLevels(student.trueLevels);
  const trace = newTrace(levels);
  const results = [];
  const changes = { up: 0, down: 0 };
  for (let w = 0; w < weeks; w++) {
    const weekStart = startMs + w * 7 * DAY_MS;
    const curriculum = pedagogy.generateCurriculum(profile, {
      weeks: 1,
      startDate: isoDate(weekStart),
      seed: seed + w,
      songs,
      recentResults: results.slice(-RECENT_RESULTS),
      dueReviews: [],
    });
    const week = curriculum.weeks[0];
    trace.planned.push({ ...week.skillLevels });
    const minutes = {};
    const played = [];
    weekItems(week).forEach(({ item, day }, i) => {
      const difficulty = live ? pedagogy.liveItem(item, profile).difficulty : item.difficulty;
      trace.gaps.push(difficulty - levels[item.skill]);
      const accuracy = playItem(levels, student, { ...item, difficulty }, rng, model);
      minutes[item.skill] = (minutes[item.skill] ?? 0) + item.minutes;
      played.push({ skill: item.skill, minutes: item.minutes, difficulty, day });
      const result = {
        skill: item.skill,
        accuracy,
        difficulty,
        at: weekStart + day * DAY_MS + i * 60_000,
      };
      const applied = pedagogy.applyResults(profile, results, result);
      profile = applied.profile;
      for (const c of applied.changes) changes[c.to > c.from ? 'up' : 'down']++;
      // The platform marks a theory topic learned after three correct answers in a row; here, 80 % or better.
      if (item.theoryTopic && accuracy >= THEORY_PASS && !profile.theoryLearned.includes(item.theoryTopic)) {
        profile = { ...profile, theoryLearned: [...profile.theoryLearned, item.theoryTopic] };
      }
      results.push(result);
    });
    forgetUnpractised(levels, minutes, model);
    trace.minutes.push(minutes);
    trace.items.push(played);
    trace.levels.push(cloneLevels(levels));
  }
  trace.difficultyChanges = changes;
  Object.assign(trace, weeklySwings(trace.planned));
  trace.finalProfile = profile;
  return trace;
}

/**
 * How a skill's planned difficulty moves from week to week, counted over all skills: `jumps`, the moves of
 * more than one step (0.5); `reversals`, the times a move goes the other way from the skill's previous move
 * (2.5 → 5 → 3 is one: up, then down) — the yo-yo a student feels.
 */
function weeklySwings(planned) {
  let jumps = 0;
  let reversals = 0;
  for (const s of Object.keys(planned[0] ?? {})) {
    let lastMove = 0;
    for (let w = 1; w < planned.length; w++) {
      const move = planned[w][s] - planned[w - 1][s];
      if (Math.abs(move) > 0.5) jumps++;
      if (move !== 0) {
        if (lastMove !== 0 && Math.sign(move) !== Math.sign(lastMove)) reversals++;
        lastMove = move;
      }
    }
  }
  return { jumps, reversals };
}

/**
 * (b) Fixed: the adaptive run's own items week by week (the same skills and minutes, so the same total time
 * and skill mix), each at the difficulty `syllabus(skill, week)` set in advance. Nothing looks at results.
 */
export function runFixed(ctx, student, rng, schedule, syllabus) {
  const levels = cloneLevels(student.trueLevels);
  const trace = newTrace(levels);
  schedule.forEach((items, w) => {
    const minutes = {};
    for (const it of items) {
      const difficulty = syllabus(it.skill, w);
      trace.gaps.push(difficulty - levels[it.skill]);
      playItem(levels, student, { ...it, difficulty }, rng, ctx.model);
      minutes[it.skill] = (minutes[it.skill] ?? 0) + it.minutes;
    }
    forgetUnpractised(levels, minutes, ctx.model);
    trace.minutes.push(minutes);
    trace.levels.push(cloneLevels(levels));
  });
  return trace;
}

/** The oracle: the same items, each at the student's true level + 0.5 (to the half step) as it starts. */
export function runOracle(ctx, student, rng, schedule) {
  const levels = cloneLevels(student.trueLevels);
  const trace = newTrace(levels);
  schedule.forEach((items) => {
    const minutes = {};
    for (const it of items) {
      const difficulty = halfStep(levels[it.skill] + ctx.model.peak);
      trace.gaps.push(difficulty - levels[it.skill]);
      playItem(levels, student, { ...it, difficulty }, rng, ctx.model);
      minutes[it.skill] = (minutes[it.skill] ?? 0) + it.minutes;
    }
    forgetUnpractised(levels, minutes, ctx.model);
    trace.minutes.push(minutes);
    trace.levels.push(cloneLevels(levels));
  });
  return trace;
}

/** A syllabus that starts every skill at its placement level and rises `perWeek` levels a week. */
export const risingSyllabus = (student, perWeek) => (skill, week) =>
  halfStep(student.placement[skill] + perWeek * week);
