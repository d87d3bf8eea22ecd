import { parseChordSymbol, rat } from '@cadenza/core';
import { writeMidi } from '@cadenza/formats';
import { describe, expect, it } from 'vitest';
import { arrange, chordEventOf, rulesProposer, type ProgressionProposer } from '../src/index.js';
import { testRequest } from './arrange-helpers.js';

describe('progression proposer seam', () => {
  it('the rules proposer gives the same arrangement, byte for byte, as no proposer', () => {
    const request = testRequest('gospel', { bars: 8 });
    const plain = arrange(request, 11, 'T');
    const viaRules = arrange(request, 11, 'T', { proposer: rulesProposer });
    expect(Buffer.from(writeMidi(viaRules.score)).equals(Buffer.from(writeMidi(plain.score)))).toBe(true);
    expect(viaRules.generationMethod).toBe('rules');
  });

  it("uses a proposer's progression and reports its method; undefined falls back to the rules", () => {
    const request = testRequest('jazz', { bars: 2 });
    const fixed: ProgressionProposer = {
      method: 'model+rules',
      propose: (r) => ({
        chords: [0, 1].map((bar) =>
          chordEventOf(
            parseChordSymbol(bar === 0 ? 'Ebmaj7' : 'Ab7'),
            r.key,
            {
              position: rat(bar * 4),
              duration: rat(4),
            },
            'proposed',
          ),
        ),
        sections: [{ position: rat(0), label: 'A' }],
      }),
    };
    const proposed = arrange(request, 3, 'T', { proposer: fixed });
    expect(proposed.progression.chords.map((c) => c.chord.symbol)).toEqual(['Ebmaj7', 'Ab7']);
    expect(proposed.generationMethod).toBe('model+rules');
    const declined = arrange(request, 3, 'T', { proposer: { method: 'x', propose: () => undefined } });
    expect(declined.generationMethod).toBe('rules');
    expect(declined.progression).toEqual(arrange(request, 3, 'T').progression);
  });
});
