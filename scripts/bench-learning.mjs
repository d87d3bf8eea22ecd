// Learning-path benchmark (issue 8): 200 seeded simulated students with hidden true skills (1–10 per skill,
// the exercises' difficulty scale) that improve only when practice sits near their level, taken through 12
// simulated weeks (a) on the adaptive plan — the real generateCurriculum every week, each item served through
// the real liveItem and graded through the real applyResults — and (b) on fixed syllabi that play exactly
// the same items (skills and minutes, week by week) at difficulties set in advance. Reports weeks to the level target, final true
// skills, and the adaptive plan's margin with its spread over the students; sensitivity rows change the
// learning zone's width and the starting estimate. Prints tables and appends a dated section to
// docs/benchmarks.md. The model is in scripts/bench-learning/student-model.mjs.
// Imports the BUILT packages, so run `npx tsc -b` first:
//   npx tsc -b && npm run bench:learning
//   BENCH_STUDENTS=40 BENCH_NO_RECORD=1 npm run bench:learning   # quick, not recorded
// BENCH_STUDENTS (default 200), BENCH_WEEKS (default 12), BENCH_SEED (default 1), BENCH_SENSITIVITY=0 skips
// the sensitivity rows.
import { appendFileSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import console from 'node:console';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { URL } from 'node:url';
import { risingSyllabus, runAdaptive, runFixed, runOracle } from './bench-learning/conditions.mjs';
import { bootstrapMeanCi, mean, median, sd } from './bench-learning/stats.mjs';
import {
  DEFAULT_MODEL,
  expectedAccuracy,
  learningZone,
  makeStudent,
  meanLevel,
} from './bench-learning/student-model.mjs';

const BENCHMARKS = new URL('../docs/benchmarks.md', import.meta.url);
const STUDENTS = Number(process.env.BENCH_STUDENTS || 200);
const WEEKS = Number(process.env.BENCH_WEEKS || 12);
const SEED = process.env.BENCH_SEED || '1';
const SENSITIVITY = process.env.BENCH_SENSITIVITY !== '0';
/** The level target: the mean of the six true levels up by this many levels from the start. */
const TARGET_GAIN = 1;
/** The stricter target: every skill up by this many levels. */
const EVERY_SKILL_GAIN = 1;
/** Weekly rises tried for the fixed syllabus (levels a week, every skill). */
const RISES = [0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5];
/** The weeks-to-target a student who never reaches it counts as in means and differences. */
const NEVER = WEEKS + 1;
const START_DATE = Date.UTC(2026, 0, 5);

async function load() {
  try {
    const core = await import('@cadenza/core');
    const pedagogy = await import('@cadenza/pedagogy');
    for (const fn of [
      'createProfile',
      'deriveProfile',
      'applyResults',
      'generateCurriculum',
      'liveItem',
      'songSummaries',
    ]) {
      if (typeof pedagogy[fn] !== 'function') throw new Error(`@cadenza/pedagogy lacks ${fn}`);
    }
    return { core, pedagogy };
  } catch (error) {
    console.error(`Cannot load the built packages (${error.message}). Run \`npx tsc -b\` first.`);
    process.exit(1);
  }
}

const log = (line) => console.error(`bench: ${line}`);
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : '—');
const pct = (x) => `${Math.round(100 * x)} %`;

/** Weeks (1…WEEKS) until the first week-end at which `reached(levels)` holds; Infinity if never. */
function weeksTo(trace, reached) {
  for (let w = 1; w < trace.levels.length; w++) if (reached(trace.levels[w])) return w;
  return Infinity;
}

function targets(student) {
  const startMean = meanLevel(student.startLevels);
  return {
    overall: (levels) => meanLevel(levels) >= startMean + TARGET_GAIN,
    everySkill: (levels) =>
      Object.keys(levels).every((s) => levels[s] >= student.startLevels[s] + EVERY_SKILL_GAIN),
  };
}

/** Runs every condition for every student under one setting; returns per-condition per-student outcomes. */
function runSetting(deps, setting) {
  const { core, pedagogy } = deps;
  const model = setting.model;
  const ctx = {
    pedagogy,
    model,
    weeks: WEEKS,
    startMs: START_DATE,
    songs: deps.songs,
    seed: core.hashSeed(`learning:${SEED}`),
  };
  const genres = ['classical', 'jazz', 'blues', 'gospel', 'neosoul', 'folk', 'pop'];
  const styles = ['visual', 'auditory', 'kinesthetic'];
  const skills = [
    'pitch_accuracy',
    'rhythm_accuracy',
    'sight_reading',
    'music_theory',
    'ear_training',
    'technique',
  ];
  const out = {
    adaptive: [],
    oracle: [],
    fixed: Object.fromEntries(RISES.map((r) => [r, []])),
    students: [],
  };
  const started = performance.now();
  for (let i = 0; i < STUDENTS; i++) {
    const rng = core.createRng(`learning:${SEED}:student:${i}`);
    const drawn = makeStudent(rng, skills, {
      model,
      frequencies: ['daily', '3x_week', 'weekend'],
      genres,
    });
    const student = setting.start === 'self' ? startFromSelfEstimate(drawn) : drawn;
    out.students.push(student);
    const play = () => core.createRng(`learning:${SEED}:play:${i}`);
    const style = rng.pick(styles);
    const adaptive = runAdaptive({ ...ctx, learningStyle: style, seed: ctx.seed + i }, student, play());
    const schedule = adaptive.items.map((week) => week.map(({ skill, minutes }) => ({ skill, minutes })));
    out.adaptive.push(outcome(student, adaptive, model));
    if (setting.diagnostics) {
      out.frozen ??= [];
      const frozen = runAdaptive({ ...ctx, learningStyle: style, seed: ctx.seed + i }, student, play(), {
        live: false,
      });
      out.frozen.push(outcome(student, frozen, model));
    }
    out.oracle.push(outcome(student, runOracle(ctx, student, play(), schedule), model));
    for (const rise of RISES) {
      const trace = runFixed(ctx, student, play(), schedule, risingSyllabus(student, rise));
      out.fixed[rise].push(outcome(student, trace, model));
    }
  }
  out.seconds = (performance.now() - started) / 1000;
  return out;
}

/** The placement replaced by the onboarding self-estimate: every skill starts at selfLevel. */
function startFromSelfEstimate(student) {
  const placement = Object.fromEntries(Object.keys(student.placement).map((s) => [s, student.selfLevel]));
  return { ...student, placement };
}

function outcome(student, trace, model) {
  const t = targets(student);
  const zone = trace.gaps.map((g) => learningZone(g, model));
  const minutes = trace.minutes.reduce(
    (sum, week) => sum + Object.values(week).reduce((a, b) => a + b, 0),
    0,
  );
  return {
    weeks: weeksTo(trace, t.overall),
    weeksEvery: weeksTo(trace, t.everySkill),
    final: trace.levels[trace.levels.length - 1],
    gapSd: sd(trace.gaps),
    gain: meanLevel(trace.levels[trace.levels.length - 1]) - meanLevel(student.startLevels),
    meanGap: mean(trace.gaps),
    inZone: mean(zone),
    changes: trace.difficultyChanges,
    jumps: trace.jumps,
    reversals: trace.reversals,
    minutesPerWeek: minutes / trace.minutes.length,
  };
}

const capped = (w) => (Number.isFinite(w) ? w : NEVER);

function conditionRow(label, outcomes) {
  const weeks = outcomes.map((o) => capped(o.weeks));
  const never = outcomes.filter((o) => !Number.isFinite(o.weeks)).length;
  const everyNever = outcomes.filter((o) => !Number.isFinite(o.weeksEvery)).length;
  const skills = Object.keys(outcomes[0].final);
  return `| ${[
    label,
    `${outcomes.length - never} / ${outcomes.length}`,
    f1(median(weeks)),
    f2(mean(weeks)),
    `${outcomes.length - everyNever} / ${outcomes.length}`,
    ...skills.map((s) => f2(mean(outcomes.map((o) => o.final[s])))),
    `+${f2(mean(outcomes.map((o) => o.gain)))}`,
    `${mean(outcomes.map((o) => o.meanGap)) >= 0 ? '+' : ''}${f2(mean(outcomes.map((o) => o.meanGap)))}`,
    f2(mean(outcomes.map((o) => o.gapSd))),
    f2(mean(outcomes.map((o) => o.inZone))),
  ].join(' | ')} |`;
}

/** Paired margin: fixed weeks − adaptive weeks per student (positive: adaptive reached the target sooner). */
function margin(core, label, adaptive, fixed, key = 'weeks') {
  const diffs = adaptive.map((a, i) => capped(fixed[i][key]) - capped(a[key]));
  const [lo, hi] = bootstrapMeanCi(diffs, core.createRng(`learning:${SEED}:bootstrap:${label}`));
  const faster = diffs.filter((d) => d > 0).length;
  const slower = diffs.filter((d) => d < 0).length;
  const both = adaptive.filter(
    (a, i) => !Number.isFinite(a.weeks) && !Number.isFinite(fixed[i].weeks),
  ).length;
  return {
    label,
    mean: mean(diffs),
    row: `| ${[
      label,
      `${mean(diffs) >= 0 ? '+' : ''}${f2(mean(diffs))}`,
      f2(sd(diffs)),
      `[${f2(lo)}, ${f2(hi)}]`,
      f1(median(diffs)),
      pct(faster / diffs.length),
      pct((diffs.length - faster - slower - both) / diffs.length),
      pct(both / diffs.length),
      pct(slower / diffs.length),
    ].join(' | ')} |`,
  };
}

/** The fixed syllabus with the fewest mean weeks to the target (`key`: weeks or weeksEvery). */
function bestRise(out, key = 'weeks') {
  let best = RISES[0];
  for (const rise of RISES) {
    const m = mean(out.fixed[rise].map((o) => capped(o[key])));
    if (m < mean(out.fixed[best].map((o) => capped(o[key])))) best = rise;
  }
  return best;
}

/**
 * The margin rows for both targets: vs +0.5 a week (a typical syllabus pace), vs the best fixed rise chosen in
 * hindsight on these students (a stress test no real syllabus could pick), the live-difficulty diagnostic,
 * the oracle.
 */
function marginTable(core, out, bestOverall, bestEvery) {
  const lines = [MARGIN_HEADER, `|${'---|'.repeat(9)}`];
  for (const [key, best, name] of [
    ['weeks', bestOverall, `mean level +${TARGET_GAIN}`],
    ['weeksEvery', bestEvery, `every skill +${EVERY_SKILL_GAIN}`],
  ]) {
    lines.push(
      ...(best === 0.5
        ? []
        : [
            margin(
              core,
              `${name}: fixed, +0.5 a week (a typical syllabus pace)`,
              out.adaptive,
              out.fixed[0.5],
              key,
            ).row,
          ]),
      margin(
        core,
        `${name}: fixed, best rise in hindsight (+${best} a week; a stress test)`,
        out.adaptive,
        out.fixed[best],
        key,
      ).row,
      ...(out.frozen
        ? [
            margin(
              core,
              `${name}: (diagnostic) items at the difficulty frozen at plan time (positive: liveItem sooner)`,
              out.adaptive,
              out.frozen,
              key,
            ).row,
          ]
        : []),
      margin(core, `${name}: oracle (negative: the oracle is faster)`, out.adaptive, out.oracle, key).row,
    );
  }
  return lines;
}

const CONDITION_HEADER = (skills) =>
  `| condition | reached target by week ${WEEKS} | median weeks | mean weeks (never = ${NEVER}) | every skill +${EVERY_SKILL_GAIN} by week ${WEEKS} | ${skills.map((s) => `final ${s.replace('_', ' ')}`).join(' | ')} | mean gain | mean d − t | sd of d − t | mean zone (0–1) |`;
const MARGIN_HEADER =
  '| adaptive vs | mean weeks saved | sd | 95 % bootstrap CI | median | adaptive faster | tie (both reached) | neither reached | adaptive slower |';

/** The true-minus-difficulty gap at which the expected accuracy is `accuracy` (the logistic's inverse). */
const gapAt = (accuracy, model) => (Math.log(accuracy / (1 - accuracy)) - model.offset) / model.slope;

/** Where the spec rule leaves the difficulty under this accuracy curve, in words. */
function ruleBand(pedagogy, model) {
  const raise = pedagogy.RAISE_ABOVE;
  const lower = pedagogy.LOWER_BELOW;
  const below = gapAt(raise, model);
  const above = -gapAt(lower, model);
  const atPeak = expectedAccuracy(0, model.peak, model);
  return `Under this accuracy curve the spec rule (raise above ${raise}, lower below ${lower}) leaves the difficulty anywhere from t − ${below.toFixed(2)} to t + ${above.toFixed(2)} and raises it only once d < t − ${below.toFixed(2)}; learning peaks at d = t + ${model.peak} (expected accuracy ${atPeak.toFixed(2)}).`;
}

function modelCheck(model) {
  const acc = [2, 1, 0, -1, -2].map(
    (x) => `${x >= 0 ? '+' : ''}${x}: ${expectedAccuracy(0, -x, model).toFixed(2)}`,
  );
  const zone = [-1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2].map(
    (g) => `${g > 0 ? '+' : ''}${g}: ${learningZone(g, model).toFixed(2)}`,
  );
  return { acc: acc.join(', '), zone: zone.join(', ') };
}

async function main() {
  const deps = await load();
  const load1 = loadavg()[0].toFixed(2);
  deps.songs = deps.pedagogy.songSummaries();
  const settings = [
    { key: 'main', label: 'main', model: DEFAULT_MODEL, start: 'placement', diagnostics: true },
    ...(SENSITIVITY
      ? [
          {
            key: 'wide',
            label: 'learning zone twice as wide (σ 1.2 each side)',
            model: { ...DEFAULT_MODEL, widthBelow: 1.2, widthAbove: 1.2 },
            start: 'placement',
          },
          {
            key: 'peak0',
            label: 'learning peaks at d = t (the "85 % rule": expected accuracy 0.85 at the peak)',
            model: { ...DEFAULT_MODEL, peak: 0 },
            start: 'placement',
          },
          {
            key: 'self',
            label: 'start from the self-estimate (every skill at selfLevel, no placement)',
            model: DEFAULT_MODEL,
            start: 'self',
          },
        ]
      : []),
  ];
  const started = performance.now();
  const runs = settings.map((setting) => {
    const out = runSetting(deps, setting);
    log(`${setting.key}: ${STUDENTS} students × ${WEEKS} weeks in ${out.seconds.toFixed(1)} s`);
    return { setting, out };
  });
  const wallS = (performance.now() - started) / 1000;
  const section = report(deps, runs, load1, wallS);
  console.log(section);
  if (process.env.BENCH_NO_RECORD) {
    console.log('\nBENCH_NO_RECORD is set: not appended to docs/benchmarks.md');
    return;
  }
  const existing = readFileSync(BENCHMARKS, 'utf8');
  appendFileSync(
    BENCHMARKS,
    (existing.endsWith('\n\n') ? '' : existing.endsWith('\n') ? '\n' : '\n\n') + section,
  );
  console.log('\nAppended to docs/benchmarks.md');
}

function report(deps, runs, load1, wallS) {
  const { core } = deps;
  const date = new Date().toISOString().slice(0, 10);
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'} ×${cpus().length}, Node ${process.version}`;
  const m = DEFAULT_MODEL;
  const check = modelCheck(m);
  const lines = [
    `## Learning paths: adaptive plan vs fixed syllabus, ${date}`,
    '',
    `\`npm run bench:learning\` (BENCH_STUDENTS=${STUDENTS} BENCH_WEEKS=${WEEKS} BENCH_SEED=${SEED}) on ${machine} (1-minute load average before the run: ${load1}); ${wallS.toFixed(0)} s of wall time.`,
    '',
    "**Student model** (`scripts/bench-learning/student-model.mjs`). Each simulated student has a hidden true level per skill on the exercises' 1–10 difficulty scale. " +
      `Minutes spent on an item of difficulty d by a student at true level t of that skill add gain = rate × r × minutes × z(d − t) × (1 + ε), where rate = ${m.rate} levels per minute, r is the student's own rate multiplier (log-normal, median 1, σ of ln = ${m.rateSpread}), ε ~ N(0, ${m.gainNoise}) (gain never negative) and z is a Gaussian bump peaking at d − t = +${m.peak} (just above the level) with σ = ${m.widthBelow} below and ${m.widthAbove} above (z at ${check.zone}): too easy or too hard teaches next to nothing. ` +
      `A skill with no minutes in a week loses ${m.forgetPerWeek} level. The accuracy of an attempt is logistic(${m.slope} × (t − d) + ${m.offset}) + N(0, ${m.accuracyNoise}), clamped to 0–1 (expected accuracy by t − d: ${check.acc}); accuracy is drawn when the item starts, then its minutes teach. ${ruleBand(deps.pedagogy, m)}`,
    '',
    `**Students.** ${STUDENTS}, seeded: an overall starting level U(1.5, 5) plus N(0, 0.6) per skill, clamped to 1–6 (correlated skills); practice frequency daily, 3× a week or weekends; sessions of 15–60 minutes (steps of 5); 1–3 preferred genres; a learning style. Both conditions start from the placement estimate: each skill's true level + N(0, 0.75), rounded to the half step (a short placement test is a noisy measurement); one sensitivity row starts from the onboarding self-estimate instead (mean true level + N(0, 1), rounded, for every skill).`,
    '',
    `**(a) Adaptive.** The profile from \`createProfile\` (onboarding answers) with each skill's difficulty set to the placement estimate. Every week \`generateCurriculum(profile, {weeks: 1, startDate, seed, songs, recentResults: the last 60 results, dueReviews: []})\` from the built \`@cadenza/pedagogy\` (songs: the package's ${deps.songs.length}-song catalogue). Each item goes through the core's \`liveItem(item, profile)\` as the student starts it, as the today view serves it: exercises and ear training are set to the skill's difficulty in the profile at that moment (a half level alternates between its two whole neighbours by the item's seed, \`generatorDifficulty\`); a theory item stays at its topic's level and the milestone song at the song's level (as sight reading). Its one graded result \`{skill, accuracy, difficulty}\` goes through the real \`applyResults\`: every result moves the skill estimate; the spec rule (trend of the last up to 5 > 0.90 → +0.5, < 0.70 → −0.5, 1–10) judges only the evidence at the current difficulty — results since the skill's last change, played within ±${deps.pedagogy.EVIDENCE_BAND} of it, at least ${deps.pedagogy.MIN_EVIDENCE} of them. A theory item played at 80 % or better marks its topic learned (the platform asks for three correct answers in a row). The next week is planned from the updated profile and results. No spaced-repetition reviews are simulated. A diagnostic variant plays each item at the difficulty frozen when the week was planned (no \`liveItem\`).`,
    '',
    `**(b) Fixed syllabus.** Exactly the adaptive run's own items, week by week (the same skills and minutes, so the same total time per week and the same skill mix, including the adaptive plan's weakest-first focus), each at a difficulty set in advance: every skill starts at its placement level (the same start as the adaptive plan) and rises by a fixed amount a week, whatever the results. The rise is swept over ${RISES.join(', ')} levels a week; the margin is reported against +0.5 a week (one adaptive step a week, a typical syllabus pace) and against the best of them in hindsight (the rise with the fewest mean weeks to the target, chosen on these very students, so the most favourable fixed syllabus there is — a stress test, since a real syllabus could not know it). The fixed difficulties are played at half steps as they stand (the adaptive plan's exercises are whole numbers, as the generators take them). **Oracle**: the same items, each at the student's true level + 0.5 (the ceiling any plan could reach with these minutes).`,
    '',
    `**Target.** The mean of the six true levels ${TARGET_GAIN} level${TARGET_GAIN === 1 ? '' : 's'} above its start (reached at the end of a week; students who never reach it by week ${WEEKS} count as ${NEVER} in means and differences and are counted separately). Also shown: every skill ${EVERY_SKILL_GAIN} level above its start.`,
    '',
  ];
  for (const { setting, out } of runs) {
    const best = bestRise(out);
    const skills = Object.keys(out.adaptive[0].final);
    const startMean = mean(out.students.map((s) => meanLevel(s.startLevels)));
    lines.push(
      `### ${setting.key === 'main' ? 'Main setting' : `Sensitivity: ${setting.label}`}`,
      '',
      `Mean starting true level ${f2(startMean)}; start per skill: ${skills.map((s) => `${s.replace('_', ' ')} ${f2(mean(out.students.map((st) => st.startLevels[s])))}`).join(', ')}. Minutes a week (the same in every condition): mean ${f1(mean(out.adaptive.map((o) => o.minutesPerWeek)))}, range ${f1(Math.min(...out.adaptive.map((o) => o.minutesPerWeek)))}–${f1(Math.max(...out.adaptive.map((o) => o.minutesPerWeek)))}.`,
      '',
      CONDITION_HEADER(skills),
      `|${'---|'.repeat(10 + skills.length)}`,
      conditionRow('adaptive (real generateCurriculum + applyResults + liveItem)', out.adaptive),
      ...(out.frozen
        ? [conditionRow('(diagnostic) adaptive, items at the difficulty frozen at plan time', out.frozen)]
        : []),
      conditionRow(`fixed, best rise in hindsight (+${best} a week)`, out.fixed[best]),
      ...(best === 0.5 ? [] : [conditionRow('fixed, +0.5 a week', out.fixed[0.5])]),
      conditionRow(`oracle (true level + ${setting.model.peak})`, out.oracle),
      '',
      ...marginTable(core, out, best, bestRise(out, 'weeksEvery')),
      '',
      `Fixed-syllabus sweep (mean weeks to the target, never = ${NEVER} / reached by week ${WEEKS}): ${RISES.map((r) => `+${r}: ${f2(mean(out.fixed[r].map((o) => capped(o.weeks))))} / ${out.fixed[r].filter((o) => Number.isFinite(o.weeks)).length}`).join('; ')}.`,
      `Adaptive difficulty changes by applyResults, per student over ${WEEKS} weeks: ${f1(mean(out.adaptive.map((o) => o.changes.up)))} up and ${f1(mean(out.adaptive.map((o) => o.changes.down)))} down. Oscillation of the weekly planned difficulty, per student over all six skills: ${f1(mean(out.adaptive.map((o) => o.jumps)))} moves of more than one step (0.5) from one week to the next, ${f1(mean(out.adaptive.map((o) => o.reversals)))} reversals (a move the other way from the skill's previous move)${out.frozen ? ` (without liveItem: ${f1(mean(out.frozen.map((o) => o.jumps)))} and ${f1(mean(out.frozen.map((o) => o.reversals)))})` : ''}.`,
      '',
    );
  }
  lines.push(
    'Columns: "mean d − t" is the mean gap between an item\'s difficulty and the student\'s true level when it was played, "sd of d − t" its spread within a student (mean over students); "mean zone" the mean of z(d − t) over items (1 = every minute at the learning peak). Margin: per student, weeks to the target on the fixed syllabus minus on the adaptive plan (positive = adaptive sooner); sd across students; 95 % percentile bootstrap CI of the mean (4000 resamples).',
    '',
  );
  return lines.join('\n');
}

await main();
