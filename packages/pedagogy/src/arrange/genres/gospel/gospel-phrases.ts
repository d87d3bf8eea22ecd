/**
 * Phrase templates: bars separated by `|`, chords inside a bar by spaces (two chords share the bar),
 * ids from `gospel-chords.ts`. `colour` lets moods steer the choice: bright templates for uplifting and
 * joyful, dark ones (more minor chords, borrowed iv) for sad and dark.
 */
export interface PhraseTemplate {
  readonly bars: string;
  readonly colour: 'bright' | 'dark' | 'plain';
  /** Ends with the plagal "Amen" cadence (IV–I or iv–I). */
  readonly amen?: boolean;
}

const t = (bars: string, colour: PhraseTemplate['colour'] = 'plain', amen = false): PhraseTemplate =>
  amen ? { bars, colour, amen } : { bars, colour };

export type SectionKind = 'intro' | 'a' | 'b' | 'ending';

type Templates = Readonly<Record<SectionKind, readonly PhraseTemplate[]>>;

export const MAJOR_TEMPLATES: Templates = {
  intro: [t('I | IV9 | I | Vsus', 'bright'), t('I69 | IV | ii9 | Vsus V'), t('IV | I/5 | ii | Vsus', 'dark')],
  a: [
    t('I | IV9 | I | Vsus V', 'bright'), // the 1–4–5
    t('I #idim | ii V | I V/ii | ii V'), // passing diminished I–♯i°7–ii
    t('I | V/ii | ii9 | Vsus V', 'bright'),
    t('I I7 | IV #ivdim | I/5 V/ii | ii V', 'bright'),
    t('I | IV | iii vi | ii subV'), // tritone substitution into the next I
    t('I #idim | ii #iidim | iii V/ii | ii V'), // the chromatic climb
    t('vi | iii | IV iv | Vsus V', 'dark'),
    t('I | iv | iii vi | ii V', 'dark'),
  ],
  b: [
    t('IV | #ivdim | I/5 V/ii | ii V'),
    t('IV9 | iv | iii V/ii | ii subV', 'dark'),
    t('IV | V/V | Vsus | V', 'bright'),
    t('vi | V/vi | vi | ii V', 'dark'),
    t('IV | I/5 | bVI bVII | Vsus V', 'bright'),
  ],
  ending: [
    t('ii V | I'),
    t('ii subV | I'),
    t('bVI bVII | I', 'bright'), // the walk-up ♭VI–♭VII–I
    t('IV | I', 'plain', true), // the "Amen" cadence
    t('iv | I', 'dark', true),
    t('IV iv | I', 'dark', true),
    t('IV | #ivdim | I/5 V | I'),
    t('ii | V | bVI bVII | I', 'bright'),
    t('ii V | I | IV iv | I', 'plain', true),
    t('ii subV | I | IV | I', 'bright', true),
  ],
};

export const MINOR_TEMPLATES: Templates = {
  intro: [t('i | iv | i | V'), t('i | bVI | iv | Vsus V', 'dark'), t('i | IV9 | i | V', 'bright')],
  a: [
    t('i | iv | i | V', 'dark'),
    t('i | iv | iio V | i', 'dark'),
    t('i i6 | iv | bIII bVI | iio V'),
    t('i | IV9 | i | Vsus V', 'bright'),
    t('bVI | bVII | i | V', 'bright'),
    t('i | bVII | bVI | V', 'dark'),
  ],
  b: [
    t('iv | bVII | bIII | bVI', 'bright'),
    t('iv | i | bVI | V', 'dark'),
    t('bIII | bVI | iio | V'),
    t('bVI | subV | i | viio', 'dark'),
  ],
  ending: [
    t('iio V | i'),
    t('iio subV | i'),
    t('bVI bVII | i', 'bright'),
    t('iv | i', 'dark', true),
    t('iv | I+', 'bright', true),
    t('iv | viio | iio V | i'),
    t('bVI | bVII | iv V | i', 'bright'),
    t('iio V | i | iv | I+', 'plain', true),
  ],
};

/** The template's bars as lists of chord ids. */
export const templateBars = (template: PhraseTemplate): string[][] =>
  template.bars.split('|').map((bar) => bar.trim().split(/\s+/));
