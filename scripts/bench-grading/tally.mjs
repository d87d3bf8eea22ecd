// bench:grading scoring: detection recall per injected mistake kind, and false alarms (a note played right,
// apart from its jitter, flagged as anything but correct; a reported extra that was not injected).

export const KINDS = ['wrong-pitch', 'missed', 'extra', 'late'];

export function emptyTally() {
  return {
    takes: 0,
    expected: 0,
    clean: 0,
    injected: Object.fromEntries(KINDS.map((k) => [k, 0])),
    found: Object.fromEntries(KINDS.map((k) => [k, 0])),
    falseAlarms: Object.fromEntries([...KINDS, 'early'].map((k) => [k, 0])),
    flaggedClean: 0,
    tempoErrors: [],
    lateErrorsMs: [],
    failed: 0,
  };
}

/** Adds one graded take; `extraWithin` is how near (seconds) a reported extra must be to an injected one. */
export function tallyTake(tally, grade, take, extraWithin) {
  tally.takes++;
  tally.expected += grade.notes.length;
  grade.notes.forEach((n, i) => {
    const truth = take.truth[i];
    if (truth === 'ok') {
      tally.clean++;
      if (n.verdict !== 'correct') {
        tally.flaggedClean++;
        tally.falseAlarms[n.verdict === 'early' ? 'early' : n.verdict]++;
      }
      return;
    }
    tally.injected[truth]++;
    if (n.verdict === truth) tally.found[truth]++;
    if (truth === 'late' && n.errorMs !== undefined) tally.lateErrorsMs.push(n.errorMs);
  });
  const reported = grade.extra.map((x) => x.played);
  const used = new Set();
  for (const x of take.extras) {
    tally.injected.extra++;
    const k = reported.findIndex(
      (r, j) => !used.has(j) && Math.round(r.midi) === x.midi && Math.abs(r.onset - x.onset) <= extraWithin,
    );
    if (k >= 0) {
      used.add(k);
      tally.found.extra++;
    }
  }
  tally.falseAlarms.extra += reported.length - used.size;
  tally.tempoErrors.push(Math.abs(grade.tempo.stretch / take.stretch - 1));
}

export const recall = (t, kind) => (t.injected[kind] ? t.found[kind] / t.injected[kind] : NaN);
export const allRecall = (t) => {
  const n = KINDS.reduce((s, k) => s + t.injected[k], 0);
  return n ? KINDS.reduce((s, k) => s + t.found[k], 0) / n : NaN;
};
/** False alarms of a kind as a share of the clean notes. */
export const falseAlarmRate = (t, kind) => (t.clean ? t.falseAlarms[kind] / t.clean : NaN);
/** Clean notes flagged as anything, plus spurious extras, per clean note. */
export const anyFalseAlarmRate = (t) => (t.clean ? (t.flaggedClean + t.falseAlarms.extra) / t.clean : NaN);
