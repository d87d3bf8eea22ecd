import type { Rng } from '@cadenza/core';
import type { ArrangeRequest, HandPattern } from '../../arrangement-types.js';
import { hasCue } from './jazz-progression.js';

/** The pattern with this id (the lists are fixed in index.ts, so a miss is a programming error). */
function byId(patterns: readonly HandPattern[], id: string): HandPattern {
  const found = patterns.find((p) => p.id === id);
  if (!found) throw new Error(`jazz pattern ${id} is missing`);
  return found;
}

/**
 * Style cues first ('stride', 'comping', 'shell', 'walking'; 'block', 'chord melody', 'octave',
 * 'rootless', 'bebop'/'solo'), then the application: a ballad is shells under sustained rootless
 * voicings; standard and up-tempo walk the bass under a bebop line (or, less often, rootless comping
 * in the right hand, more often the lower the application's improvisation).
 */
export function chooseJazzPatterns(
  request: ArrangeRequest,
  rng: Rng,
  left: readonly HandPattern[],
  right: readonly HandPattern[],
): { left: HandPattern; right: HandPattern } {
  const leftCue = [
    ['stride', 'stride-bass'],
    ['comping', 'syncopated-comping'],
    ['shell', 'shell-voicing'],
    ['walking', 'walking-bass'],
  ].find(([cue]) => hasCue(request, cue as string))?.[1];
  const rightCue = [
    ['block', 'block-chord'],
    ['chord melody', 'chord-melody'],
    ['octave', 'octave-doubling'],
    ['rootless', 'rootless-voicings'],
    ['bebop', 'improvisation'],
    ['solo', 'improvisation'],
  ].find(([cue]) => hasCue(request, cue as string))?.[1];
  const ballad = request.application.id === 'ballad';
  const leftId = leftCue ?? (ballad ? 'shell-voicing' : 'walking-bass');
  const improvise = request.application.improvisation;
  const rightId =
    rightCue ??
    (ballad
      ? 'rootless-voicings'
      : rng.weighted(
          ['improvisation', 'rootless-voicings', 'block-chord'],
          [improvise, 1 - improvise, 0.15],
        ));
  return { left: byId(left, leftId), right: byId(right, rightId) };
}
