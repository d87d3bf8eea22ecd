import {
  chordReport,
  chordScore,
  findScaleType,
  MusicError,
  parseChordSymbol,
  parseKey,
  parsePitchClass,
  progressionReport,
  progressionScore,
  scaleReport,
  scaleScore,
  type ChordReport,
  type ProgressionReport,
  type Score,
  type ScaleReport,
} from '@cadenza/core';

/**
 * The theory use cases every door calls (API, CLI, web). Each returns the JSON report and a way to
 * show the result as music. Bad input throws MusicError with a message a musician understands.
 */
export interface TheoryResult<T> {
  readonly report: T;
  readonly score: () => Score;
}

export function describeChord(symbol: string): TheoryResult<ChordReport> {
  const chord = parseChordSymbol(symbol);
  return { report: chordReport(chord), score: () => chordScore(chord) };
}

export function describeScale(tonic: string, scaleName: string): TheoryResult<ScaleReport> {
  const pc = parsePitchClass(tonic);
  const scale = findScaleType(scaleName);
  return { report: scaleReport(pc, scale), score: () => scaleScore(pc, scale) };
}

/** Chords as a list or one string with spaces and bar lines: "| Dm7 G7 | Cmaj7 |". */
export function analyzeProgression(
  keyText: string,
  chords: string | readonly string[],
): TheoryResult<ProgressionReport> {
  const symbols = (typeof chords === 'string' ? [chords] : chords)
    .flatMap((c) => c.split(/[\s|]+/))
    .filter((s) => s.length > 0);
  if (symbols.length === 0) throw new MusicError('give at least one chord symbol, e.g. "Dm7 G7 Cmaj7"');
  const key = parseKey(keyText);
  const parsed = symbols.map((s) => parseChordSymbol(s));
  return { report: progressionReport(parsed, key), score: () => progressionScore(parsed, key) };
}
