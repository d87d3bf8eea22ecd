import { APPLICATIONS, type ApplicationProfile, type Genre } from '../genres.js';
import type { Reading } from './read-description.js';

// Words in a description that name an application type; "up-tempo" and "uptempo" are the same.
// A genre's own name is not a cue ("a classical piece" says nothing about the period).
const WORDS: Readonly<Record<string, RegExp>> = {
  practice: /\bpractice\b|\bpractising\b|\bpracticing\b/i,
  concert: /\bconcert\b|\bperformance\b/i,
  worship: /\bworship\b|\bhymn\b|\bcongregation\b/i,
  uptempo: /\bup-?tempo\b/i,
  standard: /\bstandard\b/i,
  ballad: /\bballad\b/i,
  shuffle: /\bshuffle\b/i,
  slow: /\bslow\b/i,
  fast: /\bfast\b/i,
  baroque: /\bbaroque\b|\bbach\b|\bhandel\b/i,
  romantic: /\bromantic\b|\bchopin\b|\bschumann\b/i,
  classical: /\bmozart\b|\bhaydn\b|\bclassical[- ]period\b/i,
  smooth: /\bsmooth\b/i,
};

/** The application a description names for the genre ("slow blues" → slow), with its words. */
export function readApplication(genre: Genre, text: string): Reading<ApplicationProfile> | undefined {
  let best: { readonly index: number; readonly reading: Reading<ApplicationProfile> } | undefined;
  for (const profile of APPLICATIONS[genre]) {
    const m = WORDS[profile.id]?.exec(text);
    if (!m) continue;
    // The first mention wins: "uptempo, not a ballad" is uptempo.
    if (!best || m.index < best.index) best = { index: m.index, reading: { value: profile, words: m[0] } };
  }
  return best?.reading;
}
