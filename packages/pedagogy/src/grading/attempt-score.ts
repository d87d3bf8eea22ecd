import type { ExtraNote, GradeTotals, NoteVerdict } from './grading-types.js';

/**
 * Credit per expected note for the overall score: the right pitch on time earns a whole note, the
 * right pitch early or late half of one, a wrong or missing note nothing; each extra note costs half.
 */
export const SCORE_CREDIT = { correct: 1, early: 0.5, late: 0.5, 'wrong-pitch': 0, missed: 0 } as const;
export const EXTRA_NOTE_COST = 0.5;

/**
 * Totals of a graded attempt.
 * - pitchAccuracy = (correct + early + late) / expected
 * - rhythmAccuracy = notes within the tolerance (wrong pitches included) / notes played for expected ones
 * - score = 100 × clamp((Σ SCORE_CREDIT − EXTRA_NOTE_COST × extra) / expected, 0, 1), one decimal
 */
export function gradeTotals(
  notes: readonly NoteVerdict[],
  extra: readonly ExtraNote[],
  toleranceMs: number,
): GradeTotals {
  const count = (kind: NoteVerdict['verdict']) => notes.filter((n) => n.verdict === kind).length;
  const correct = count('correct');
  const early = count('early');
  const late = count('late');
  const wrongPitch = count('wrong-pitch');
  const missed = count('missed');
  const played = notes.filter((n) => n.errorMs !== undefined);
  const onTime = played.filter((n) => Math.abs(n.errorMs as number) <= toleranceMs).length;
  const expected = notes.length;
  const credit = notes.reduce((s, n) => s + SCORE_CREDIT[n.verdict], 0) - EXTRA_NOTE_COST * extra.length;
  const score = Math.round(1000 * Math.min(1, Math.max(0, credit / expected))) / 10;
  return {
    expected,
    correct,
    wrongPitch,
    early,
    late,
    missed,
    extra: extra.length,
    pitchAccuracy: (correct + early + late) / expected,
    rhythmAccuracy: played.length === 0 ? 0 : onTime / played.length,
    score,
  };
}
