// bench:learning simulated students: each has a hidden true level (1–10, the exercises' difficulty scale) per
// skill that grows only when practice sits near it, forgets slowly when a skill rests, and plays each graded
// attempt with an accuracy that falls as the difficulty rises above the true level. Pure functions of their
// inputs and a seeded core Rng, so the benchmark is reproducible.

/** The model's parameters (the defaults are the benchmark's main setting; sensitivity rows change some). */
export const DEFAULT_MODEL = Object.freeze({
  /** Levels gained per minute of practice exactly at the learning peak, for a student of median rate. */
  rate: 0.01,
  /** Log-normal spread of the per-student rate (σ of ln rate): the fastest 2.5 % learn ~2× the median. */
  rateSpread: 0.35,
  /** Where learning peaks: difficulty − true level (just above the student's level). */
  peak: 0.5,
  /** Width (σ) of the Gaussian learning zone below and above the peak, in levels. */
  widthBelow: 0.6,
  widthAbove: 0.6,
  /** Multiplicative noise (σ) on each item's gain (a good or a distracted session). */
  gainNoise: 0.3,
  /** Levels lost per week by a skill that was not practised at all that week. */
  forgetPerWeek: 0.1,
  /** Accuracy curve: logistic(slope · (true − difficulty) + offset): 0.85 at d = t, 0.40 at d = t + 2. */
  slope: 1.07,
  offset: 1.735,
  /** Gaussian noise (σ) on each attempt's accuracy, before clamping to 0–1. */
  accuracyNoise: 0.06,
});

/** Gaussian sample (Box–Muller) from a core Rng. */
export function gaussian(rng) {
  const u = Math.max(rng.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));

/**
 * How much an item teaches, 0–1, by how far its difficulty sits above the true level (gap = d − t): a
 * Gaussian bump peaking at `peak` (+0.5: just above the level), with its own width on each side. With the
 * default widths: 1.0 at +0.5, 0.61 at −0.1 or +1.1, 0.2 at −0.6 or +1.6, 0.004 at −1.5 (too easy), 0.04 at
 * +2 (too hard).
 */
export function learningZone(gap, model = DEFAULT_MODEL) {
  const width = gap < model.peak ? model.widthBelow : model.widthAbove;
  const x = (gap - model.peak) / width;
  return Math.exp(-0.5 * x * x);
}

/** Expected accuracy (no noise) of a student at true level `trueLevel` playing difficulty `difficulty`. */
export function expectedAccuracy(trueLevel, difficulty, model = DEFAULT_MODEL) {
  return 1 / (1 + Math.exp(-(model.slope * (trueLevel - difficulty) + model.offset)));
}

/** One attempt's observed accuracy: the expected accuracy plus Gaussian noise, clamped to 0–1. */
export function observedAccuracy(trueLevel, difficulty, rng, model = DEFAULT_MODEL) {
  const a = expectedAccuracy(trueLevel, difficulty, model) + model.accuracyNoise * gaussian(rng);
  return Math.round(clamp(a, 0, 1) * 1000) / 1000;
}

/**
 * Levels gained by `minutes` of practice at `difficulty` for a student of rate multiplier `rateFactor` at
 * true level `trueLevel`: rate · rateFactor · minutes · zone(d − t) · (1 + noise), never negative; the level
 * never passes 10.
 */
export function practiceGain(trueLevel, difficulty, minutes, rateFactor, rng, model = DEFAULT_MODEL) {
  const noise = Math.max(0, 1 + model.gainNoise * gaussian(rng));
  const gain = model.rate * rateFactor * minutes * learningZone(difficulty - trueLevel, model) * noise;
  return Math.min(gain, 10 - trueLevel);
}

/**
 * A simulated student: hidden true levels per skill, a rate multiplier, the preferences the onboarding form
 * asks for and a placement estimate of each skill.
 * - True starting levels are correlated: one overall level U(1.5, 5) plus N(0, 0.6) per skill, clamped 1–6.
 * - Rate multiplier: log-normal, median 1 (σ of ln = `rateSpread`).
 * - Placement: each skill's true level + N(0, `placementNoise`), rounded to the half step, clamped 1–10
 *   (a short placement test is a noisy measurement).
 * - Self-estimate (onboarding's selfLevel): the mean true level + N(0, 1), rounded, 1–10.
 */
export function makeStudent(rng, skills, options) {
  const { model = DEFAULT_MODEL, frequencies, genres, placementNoise = 0.75 } = options;
  const overall = 1.5 + 3.5 * rng.next();
  const trueLevels = {};
  for (const s of skills) trueLevels[s] = clamp(overall + 0.6 * gaussian(rng), 1, 6);
  const rateFactor = Math.exp(model.rateSpread * gaussian(rng));
  const placement = {};
  for (const s of skills) {
    placement[s] = clamp(Math.round((trueLevels[s] + placementNoise * gaussian(rng)) * 2) / 2, 1, 10);
  }
  const meanTrue = skills.reduce((sum, s) => sum + trueLevels[s], 0) / skills.length;
  const shuffled = rng.shuffle(genres);
  return {
    trueLevels,
    startLevels: { ...trueLevels },
    rateFactor,
    placement,
    selfLevel: clamp(Math.round(meanTrue + gaussian(rng)), 1, 10),
    practiceFrequency: rng.pick(frequencies),
    sessionMinutes: 15 + 5 * rng.int(0, 9),
    preferredGenres: shuffled.slice(0, rng.int(1, 3)),
  };
}

/** A copy of a student's true levels, so two conditions start the same student from the same place. */
export const cloneLevels = (levels) => ({ ...levels });

/**
 * Plays one planned item: the attempt's accuracy is drawn first (at the level the student has when they
 * start it), then the minutes teach. Mutates `levels` (the student's true levels) and returns the accuracy.
 */
export function playItem(levels, student, { skill, minutes, difficulty }, rng, model = DEFAULT_MODEL) {
  const accuracy = observedAccuracy(levels[skill], difficulty, rng, model);
  levels[skill] += practiceGain(levels[skill], difficulty, minutes, student.rateFactor, rng, model);
  return accuracy;
}

/** The end of a week: every skill that got no minutes loses `forgetPerWeek` levels (never below 1). */
export function forgetUnpractised(levels, practisedMinutes, model = DEFAULT_MODEL) {
  for (const s of Object.keys(levels)) {
    if (!(practisedMinutes[s] > 0)) levels[s] = Math.max(1, levels[s] - model.forgetPerWeek);
  }
}

/** The mean of a student's true levels over all skills. */
export const meanLevel = (levels) => {
  const values = Object.values(levels);
  return values.reduce((a, b) => a + b, 0) / values.length;
};
