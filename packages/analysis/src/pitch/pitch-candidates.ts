import { parabolicOffset } from './yin-difference.js';
import { thresholdMass, type ThresholdPrior } from './threshold-prior.js';

/** Probability given to the lowest trough for the thresholds no trough gets under (pYIN's p_a). */
const BELOW_ALL_WEIGHT = 0.01;

/** Pitch candidates of one frame, appended to growing flat lists. */
export interface CandidateSink {
  push(frequency: number, probability: number): void;
}

/**
 * pYIN stage 1 on one frame's normalised difference d′: for each threshold s the YIN estimate is the
 * first trough (local minimum in lags minLag…maxLag) with d′ < s; a trough's probability is the prior
 * mass of the thresholds that pick it. Thresholds below every trough give `BELOW_ALL_WEIGHT` times
 * their mass to the deepest trough. Frequencies come from parabolic interpolation of d′.
 * Returns the frame's voiced probability (the sum over its candidates).
 */
export function findCandidates(
  cmnd: Float64Array,
  minLag: number,
  maxLag: number,
  rate: number,
  prior: ThresholdPrior,
  sink: CandidateSink,
): number {
  let previousMin = Infinity;
  let total = 0;
  // The newest trough that set a new minimum is held back: it is the deepest so far, and the deepest
  // of all also takes the thresholds below every trough.
  let pendingFrequency = 0;
  let pendingMass = 0;
  for (let tau = minLag; tau <= maxLag; tau++) {
    const y1 = cmnd[tau] as number;
    const y0 = cmnd[tau - 1] as number;
    const y2 = cmnd[tau + 1] as number;
    if (!(y1 < y0 && y1 <= y2) || !(y1 < previousMin)) continue;
    if (pendingMass > 0) sink.push(pendingFrequency, pendingMass);
    pendingMass = thresholdMass(prior, y1, previousMin);
    pendingFrequency = rate / (tau + parabolicOffset(y0, y1, y2));
    total += pendingMass;
    previousMin = y1;
  }
  if (previousMin < Infinity) {
    const rest = thresholdMass(prior, 0, previousMin) * BELOW_ALL_WEIGHT;
    pendingMass += rest;
    total += rest;
    if (pendingMass > 0) sink.push(pendingFrequency, pendingMass);
  }
  return total;
}
