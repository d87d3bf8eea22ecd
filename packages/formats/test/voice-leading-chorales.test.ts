// The voice-leading checker against Bach: it lives with the formats tests because it needs the MusicXML
// reader to turn the 120 shared chorales into scores.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkVoiceLeading, formatRational, pitchName, type VoiceLeadingReport } from '@cadenza/core';
import { readMusicXml } from '@cadenza/formats';

const DIR = fileURLToPath(new URL('../../../../shared/eval/scores/bach/', import.meta.url));

/**
 * Published Bach yardstick (364 chorales, semitone-interval check): parallel fifths 0.62 + octaves 0.21
 * = 0.83 per 1,000 voice-pair motions. Our 120 chorales are a subset and our reading of ties, rests and
 * beats may differ in detail, so the test allows 0.3–2.0: far enough out to catch a broken checker
 * (a missed direction test, counting held notes as motions, a reader that drops ties) but not the
 * sampling difference between 120 and 364 chorales.
 */
const TOLERANCE = { low: 0.3, high: 2.0 };

function check(file: string): VoiceLeadingReport {
  return checkVoiceLeading(readMusicXml(new Uint8Array(readFileSync(`${DIR}${file}`))));
}

const parallels = (report: VoiceLeadingReport): string[] =>
  report.findings
    .filter((f) => f.rule === 'parallel-fifths' || f.rule === 'parallel-octaves')
    .map((f) => `${f.rule} ${f.voices.join('-')} m.${f.measure} beat ${formatRational(f.beat)}`);

describe.skipIf(!existsSync(DIR))(
  'voice leading of the Bach chorales (needs ../shared/eval/scores/bach)',
  () => {
    const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.mxl')) : [];

    it('has parallel fifths and octaves near the published rate of 0.83 per 1,000 motions', () => {
      expect(files).toHaveLength(120);
      let motions = 0;
      let faults = 0;
      for (const file of files) {
        const report = check(file);
        // Every chorale is four parts, one voice each, and the mean-pitch order is the score order S, A, T, B.
        expect(
          report.voices.map((v) => v.source.partId),
          file,
        ).toEqual(['P1', 'P2', 'P3', 'P4']);
        motions += report.counts.voicePairMotions;
        faults += report.counts.findings['parallel-fifths'] + report.counts.findings['parallel-octaves'];
      }
      const rate = (1000 * faults) / motions;
      expect(rate).toBeGreaterThanOrEqual(TOLERANCE.low);
      expect(rate).toBeLessThanOrEqual(TOLERANCE.high);
    });

    it("finds the fifths in BWV 80.8 at m.2 beat 2, after the pickup (soprano's passing C#5)", () => {
      const report = check('bwv80.8.mxl');
      expect(parallels(report)).toEqual(['parallel-fifths soprano-bass m.2 beat 2']);
      const finding = report.findings.find((f) => f.rule === 'parallel-fifths')!;
      expect(finding.pitches.map((ps) => ps.map((p) => pitchName(p)))).toEqual([
        ['C#5', 'B4'],
        ['F#3', 'E3'],
      ]);
      // The soprano moves on the off-beat while the bass holds F#3 from beat 1.
      expect(formatRational(finding.from!)).toBe('11/2');
    });

    it('finds the fifths in BWV 355 at m.15 beat 2 and nothing else parallel', () => {
      expect(parallels(check('bwv355.mxl'))).toEqual(['parallel-fifths soprano-bass m.15 beat 2']);
    });
  },
);
