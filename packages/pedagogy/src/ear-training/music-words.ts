import {
  formatRational,
  parseInterval,
  pitchClassName,
  pitchName,
  intervalLongName,
  type Pitch,
  type Rational,
} from '@cadenza/core';

/** "A♭4". */
export const noteName = (p: Pitch): string => pitchName(p, true);
/** "A♭". */
export const letterName = (p: Pitch): string => pitchClassName(p, true);

const VALUE_NAMES: Readonly<Record<string, string>> = {
  '4': 'whole note',
  '3': 'dotted half note',
  '2': 'half note',
  '3/2': 'dotted quarter note',
  '1': 'quarter note',
  '3/4': 'dotted eighth note',
  '2/3': 'triplet quarter note',
  '1/2': 'eighth note',
  '1/3': 'triplet eighth note',
  '1/4': 'sixteenth note',
};

/** "dotted quarter note", "eighth rest"; other lengths as quarter-note fractions ("5/4 of a quarter"). */
export function valueName(duration: Rational, rest = false): string {
  const text = formatRational(duration);
  const name = VALUE_NAMES[text];
  if (!name) return `${rest ? 'rest' : 'note'} of ${text} quarter${text === '1' ? '' : 's'}`;
  return rest ? name.replace(/note$/, 'rest') : name;
}

/** "minor sixth"; the tritone says so ("augmented fourth (tritone)"). */
export function intervalLabel(name: string): string {
  const long = intervalLongName(parseInterval(name));
  return name === 'A4' || name === 'd5' ? `${long} (tritone)` : long;
}

/** "an augmented triad", "a major seventh". */
export const withArticle = (words: string): string => `${/^[aeiou]/i.test(words) ? 'an' : 'a'} ${words}`;

/** "1 half step", "8 half steps". */
export const halfSteps = (n: number): string => `${n} half step${Math.abs(n) === 1 ? '' : 's'}`;
