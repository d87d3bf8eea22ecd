import { describe, expect, it } from 'vitest';
import {
  add,
  checkVoiceLeading,
  createScore,
  formatRational,
  MusicError,
  parsePitch,
  pitchName,
  rat,
  type Note,
  type PartInit,
  type Rational,
  type Score,
  type VoiceLeadingReport,
} from '@cadenza/core';

const PART_NAMES = ['Soprano', 'Alto', 'Tenor', 'Bass'];

/**
 * Builds a chorale from rows of "S A T B" pitches, one chord per quarter note from `start`.
 * A '-' holds the voice's previous note one more quarter; 'r' is a quarter rest.
 */
function satb(rows: readonly string[], start: Rational = rat(0), pickup?: Rational): Score {
  const columns = rows.map((row) => row.trim().split(/\s+/));
  const voiceCount = columns[0]?.length ?? 0;
  const parts: PartInit[] = [];
  for (let v = 0; v < voiceCount; v++) {
    const notes: Note[] = [];
    columns.forEach((cols, i) => {
      const token = cols[v] as string;
      const position = add(start, rat(i));
      if (token === 'r') return;
      const last = notes[notes.length - 1];
      if (token === '-' && last) {
        notes[notes.length - 1] = {
          ...last,
          duration: rat(last.duration.n + last.duration.d, last.duration.d),
        };
        return;
      }
      notes.push({ pitch: parsePitch(token), position, duration: rat(1), staff: 1, voice: 1 });
    });
    parts.push({ id: `P${v + 1}`, name: PART_NAMES[v] ?? `Voice ${v + 1}`, notes });
  }
  return createScore({ parts, ...(pickup ? { pickup } : {}) });
}

const rulesOf = (report: VoiceLeadingReport): string[] => report.findings.map((f) => f.rule);
const pitchesOf = (report: VoiceLeadingReport, i = 0): string[][] =>
  (report.findings[i]?.pitches ?? []).map((ps) => ps.map((p) => pitchName(p)));

describe('checkVoiceLeading: four-part examples with known answers', () => {
  it('finds nothing in a textbook I–V–I (C–G–C)', () => {
    const report = checkVoiceLeading(satb(['C5 E4 G3 C3', 'B4 D4 G3 G2', 'C5 E4 G3 C3']));
    expect(report.findings).toEqual([]);
    expect(report.voices.map((v) => v.name)).toEqual(['soprano', 'alto', 'tenor', 'bass']);
    expect(report.counts.verticalities).toBe(3);
    // Six pairs at each of two changes; the held tenor still makes oblique motion with the others.
    expect(report.counts.voicePairMotions).toBe(12);
    expect(report.rates.parallelFifthsPer1000Motions).toBe(0);
  });

  it('finds parallel fifths (a twelfth to a twelfth) between soprano and bass, in m.3', () => {
    const report = checkVoiceLeading(satb(['G4 E4 C4 C3', 'A4 F4 A3 D3'], rat(8)));
    expect(rulesOf(report)).toEqual(['parallel-fifths']);
    const finding = report.findings[0]!;
    expect(finding.voices).toEqual(['soprano', 'bass']);
    expect(finding.measure).toBe(3);
    expect(formatRational(finding.beat)).toBe('2');
    expect(formatRational(finding.from!)).toBe('8');
    expect(pitchesOf(report)).toEqual([
      ['G4', 'A4'],
      ['C3', 'D3'],
    ]);
    expect(finding.message).toBe('parallel fifths between soprano and bass, m.3 beat 2: G4→A4 over C3→D3');
    expect(report.counts.voicePairMotions).toBe(6);
    expect(report.rates.parallelFifthsPer1000Motions).toBeCloseTo(1000 / 6, 9);
  });

  it('finds parallel octaves between soprano and bass', () => {
    const report = checkVoiceLeading(satb(['C5 E4 G3 C3', 'D5 F4 F3 D3']));
    expect(rulesOf(report)).toEqual(['parallel-octaves']);
    expect(report.findings[0]!.voices).toEqual(['soprano', 'bass']);
    expect(report.findings[0]!.measure).toBe(1);
    expect(report.rates.parallelOctavesPer1000Motions).toBeCloseTo(1000 / 6, 9);
  });

  it('reports fifths by contrary motion (a twelfth to a nineteenth) as antiparallel, not parallel', () => {
    const report = checkVoiceLeading(satb(['E5 G4 C4 C3', 'F5 C5 C4 F2']));
    expect(rulesOf(report)).toEqual(['antiparallel-fifths']);
    expect(report.findings[0]!.voices).toEqual(['alto', 'bass']);
    expect(pitchesOf(report)).toEqual([
      ['G4', 'C5'],
      ['C3', 'F2'],
    ]);
    expect(report.rates.parallelFifthsPer1000Motions).toBe(0);
  });

  it('reports octaves by contrary motion as antiparallel octaves', () => {
    const report = checkVoiceLeading(satb(['G4 D4 B3 G3', 'C5 E4 C4 C3']));
    expect(rulesOf(report)).toEqual(['antiparallel-octaves']);
    expect(report.findings[0]!.voices).toEqual(['soprano', 'bass']);
  });

  it('finds hidden octaves in the outer voices when the soprano leaps', () => {
    const report = checkVoiceLeading(satb(['E4 B3 G3 G2', 'C5 E4 G3 C3']));
    expect(rulesOf(report)).toEqual(['hidden-octaves']);
    expect(report.findings[0]!.voices).toEqual(['soprano', 'bass']);
    expect(pitchesOf(report)).toEqual([
      ['E4', 'C5'],
      ['G2', 'C3'],
    ]);
  });

  it('allows similar motion into an outer octave when the soprano moves by step', () => {
    const report = checkVoiceLeading(satb(['D5 G4 B3 G3', 'C5 G4 C4 C3']));
    expect(report.findings).toEqual([]);
    expect(report.counts.voicePairMotions).toBe(6);
  });

  it('does not flag a perfect fifth moving to a diminished fifth (7 then 6 semitones)', () => {
    const report = checkVoiceLeading(satb(['D5 G4 B3 G2', 'C5 F#4 A3 D3']));
    expect(report.findings).toEqual([]);
  });

  it('finds the alto crossing above the soprano at one verticality', () => {
    const report = checkVoiceLeading(satb(['C5 E4 G3 C3', 'G4 B4 D4 D3', 'C5 E4 G3 C3']));
    expect(rulesOf(report)).toEqual(['voice-crossing']);
    const finding = report.findings[0]!;
    expect(finding.voices).toEqual(['soprano', 'alto']);
    expect(finding.measure).toBe(1);
    expect(formatRational(finding.beat)).toBe('2');
    expect(finding.message).toBe('voice crossing, m.1 beat 2: alto B4 is above soprano G4');
    expect(report.rates.crossingsPer1000Verticalities).toBeCloseTo(1000 / 3, 9);
    // Three adjacent pairs at each of three verticalities.
    expect(report.counts.adjacentPairChecks).toBe(9);
    expect(report.rates.crossingsPer1000AdjacentPairs).toBeCloseTo(1000 / 9, 9);
  });

  it('finds soprano and alto more than an octave apart, but allows a wide tenor–bass gap', () => {
    // The last chord has a major tenth between tenor E4 and bass C3: allowed.
    const report = checkVoiceLeading(satb(['C5 E4 G3 C3', 'E5 C4 G3 C3', 'C5 G4 E4 C3']));
    expect(rulesOf(report)).toEqual(['spacing']);
    const spacing = report.findings[0]!;
    expect(spacing.voices).toEqual(['soprano', 'alto']);
    expect(formatRational(spacing.beat)).toBe('2');
    expect(spacing.message).toBe(
      'spacing, m.1 beat 2: soprano E5 and alto C4 are a major tenth apart, more than an octave',
    );
    expect(report.counts.findings.spacing).toBe(1);
    expect(report.rates.spacingPer1000Verticalities).toBeCloseTo(1000 / 3, 9);
    expect(report.counts.upperPairChecks).toBe(6);
    expect(report.rates.spacingPer1000UpperPairs).toBeCloseTo(1000 / 6, 9);
  });

  it('finds a bass note below E2', () => {
    const report = checkVoiceLeading(satb(['C5 E4 G3 C3', 'B4 D4 G3 D2', 'C5 E4 G3 C3']));
    expect(rulesOf(report)).toEqual(['range']);
    expect(report.findings[0]!.voices).toEqual(['bass']);
    expect(pitchesOf(report)).toEqual([['D2']]);
    expect(report.findings[0]!.message).toBe('range, m.1 beat 2: bass D2 is below its range (E2–C4)');
  });
});

describe('checkVoiceLeading: definitions', () => {
  it('does not count a repeated or held chord as a motion', () => {
    const report = checkVoiceLeading(satb(['C5 E4 G3 C3', 'C5 E4 G3 C3', '- - - -']));
    expect(report.counts.voicePairMotions).toBe(0);
    expect(report.counts.verticalities).toBe(2);
  });

  it('counts a unison moving to an octave as parallel octaves', () => {
    const report = checkVoiceLeading(satb(['C4 C4', 'D5 D4']));
    expect(rulesOf(report)).toEqual(['parallel-octaves']);
    expect(report.findings[0]!.voices).toEqual(['Soprano', 'Alto']);
  });

  it('does not join octaves across a rest', () => {
    const report = checkVoiceLeading(satb(['C5 C4', 'r C4', 'D5 D4']));
    expect(report.findings).toEqual([]);
    // Only rest-free changes count: the alto moving C4→D4 has no soprano line to pair with.
    expect(report.counts.voicePairMotions).toBe(0);
    // Also when nothing else attacks during the rest, so the two octaves are successive verticalities.
    const held = checkVoiceLeading(satb(['C5 C4', 'r -', 'D5 D4']));
    expect(held.counts.verticalities).toBe(2);
    expect(held.findings).toEqual([]);
    expect(held.counts.voicePairMotions).toBe(0);
  });

  it('orders voices by mean pitch, whatever order the parts come in', () => {
    const score = satb(['C3 G3 E4 C5', 'D3 A3 F4 A4']);
    const report = checkVoiceLeading(score);
    expect(report.voices.map((v) => v.source.partId)).toEqual(['P4', 'P3', 'P2', 'P1']);
    expect(report.findings.map((f) => [f.rule, ...f.voices])).toEqual([['parallel-fifths', 'tenor', 'bass']]);
  });

  it('takes the top note of a chord in one voice', () => {
    const chordInSoprano = createScore({
      parts: [
        {
          notes: [
            { pitch: parsePitch('G4'), position: rat(0), duration: rat(1), staff: 1, voice: 1 },
            { pitch: parsePitch('E4'), position: rat(0), duration: rat(1), staff: 1, voice: 1 },
            { pitch: parsePitch('A4'), position: rat(1), duration: rat(1), staff: 1, voice: 1 },
            { pitch: parsePitch('F4'), position: rat(1), duration: rat(1), staff: 1, voice: 1 },
            { pitch: parsePitch('C3'), position: rat(0), duration: rat(1), staff: 2, voice: 1 },
            { pitch: parsePitch('D3'), position: rat(1), duration: rat(1), staff: 2, voice: 1 },
          ],
        },
      ],
    });
    const report = checkVoiceLeading(chordInSoprano);
    expect(report.voices.map((v) => v.name)).toEqual(['Piano staff 1 voice 1', 'Piano staff 2 voice 1']);
    expect(rulesOf(report)).toEqual(['parallel-fifths']);
    expect(pitchesOf(report)).toEqual([
      ['G4', 'A4'],
      ['C3', 'D3'],
    ]);
  });

  it('skips range outside four-part textures unless ranges are given', () => {
    const twoVoices = satb(['C4 D2', 'E4 C2']);
    expect(rulesOf(checkVoiceLeading(twoVoices))).toEqual([]);
    const ranged = checkVoiceLeading(twoVoices, {
      ranges: [
        { low: parsePitch('C4'), high: parsePitch('G5') },
        { low: parsePitch('E2'), high: parsePitch('C4') },
      ],
    });
    expect(rulesOf(ranged)).toEqual(['range', 'range']);
    expect(() => checkVoiceLeading(twoVoices, { ranges: [] })).toThrow(MusicError);
  });

  it('counts a pickup as measure 0 and its beats from the end of the bar', () => {
    const report = checkVoiceLeading(satb(['G4 E4 C4 C3', 'A4 F4 A3 D3'], rat(0), rat(2)));
    expect(report.findings[0]!.measure).toBe(0);
    expect(formatRational(report.findings[0]!.beat)).toBe('4');
  });
});
