import type { AttemptReport } from '@cadenza/platform';
import type { GradingTarget } from './grade-expected.js';

const VERDICT_WORDS: Record<string, string> = {
  correct: 'correct',
  wrong_pitch: 'wrong pitch',
  early: 'early',
  late: 'late',
  missed: 'missed',
};

const percent = (x: number) => `${Math.round(x * 1000) / 10} %`;
const signedMs = (ms: number | undefined) => (ms === undefined ? '' : `${ms > 0 ? '+' : ''}${ms} ms`);

/**
 * The grade for people: one row per expected note (bar:beat, the note, the verdict, what was played and
 * the timing error), the extra notes, the totals and the tempo.
 */
export function gradeTable(target: GradingTarget, answer: AttemptReport): string {
  const rows = answer.notes.map((n) => [
    String(n.index + 1),
    target.places[n.index] ?? '',
    n.expected.name,
    VERDICT_WORDS[n.verdict] ?? n.verdict,
    n.played_name ?? '',
    signedMs(n.timing_error_ms),
  ]);
  const header = ['#', 'bar:beat', 'expected', 'verdict', 'played', 'error'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  const c = answer.counts;
  const tempo =
    answer.tempo_played === null
      ? `tempo       written ♩ = ${answer.tempo_expected}`
      : `tempo       played ♩ = ${answer.tempo_played} (written ${answer.tempo_expected})`;
  return [
    `${target.title}: ${answer.notes.length} notes, ♩ = ${answer.tempo_expected}, timing tolerance ±${answer.tolerance_ms} ms`,
    '',
    line(header),
    ...rows.map(line),
    '',
    answer.extra_notes.length
      ? `extra notes ${answer.extra_notes.map((x) => `${x.name} at ${x.start.toFixed(2)} s`).join(', ')}`
      : 'extra notes none',
    `totals      ${c.correct} correct, ${c.wrong_pitch} wrong pitch, ${c.early} early, ${c.late} late, ` +
      `${c.missed} missed, ${c.extra} extra`,
    `accuracy    pitch ${percent(answer.pitch_accuracy)}, rhythm ${percent(answer.rhythm_accuracy)}`,
    `score       ${answer.score} / 100`,
    tempo,
  ].join('\n');
}
