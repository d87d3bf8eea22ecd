/**
 * Melodies the catalogue sets more than once (a plain version and reharmonised ones), in song notation.
 * Each is written once here so every arrangement plays exactly the same tune.
 */

/** 'Amazing Grace' (tune 'New Britain', 1829 / 1835) in G major, 3/4, with its pickup. */
export const AMAZING_GRACE =
  'D4:q | G4:h B4:e G4:e | B4:h A4:q | G4:h E4:q | D4:h D4:q | G4:h B4:e G4:e | B4:h A4:q | D5:h.~ | ' +
  'D5:h B4:q | D5:h B4:e G4:e | B4:h A4:q | G4:h E4:q | D4:h D4:q | G4:h B4:e G4:e | B4:h A4:q | G4:h.~ | G4:h';

/** 'When the Saints Go Marching In' (spiritual) in C major, 4/4, with its three-beat pickup. */
export const WHEN_THE_SAINTS =
  'C4:q E4 F4 | G4:w | r:q C4 E4 F4 | G4:w | r:q C4 E4 F4 | G4:h E4 | C4 E4 | D4:w | ' +
  'r:q E4 E4 D4 | C4:h. C4:q | E4:h G4:q G4 | G4 F4:h.~ | F4:h E4:q F4 | G4:h E4 | C4 D4 | C4:w';

/** 'Ode to Joy' (Beethoven, 1824) as the hymn tune 'Hymn to Joy', in G major. */
export const HYMN_TO_JOY =
  'B4:q B4 C5 D5 | D5 C5 B4 A4 | G4 G4 A4 B4 | B4:q. A4:e A4:h | ' +
  'B4:q B4 C5 D5 | D5 C5 B4 A4 | G4 G4 A4 B4 | A4:q. G4:e G4:h | ' +
  'A4:q A4 B4 G4 | A4 B4:e C5 B4:q G4 | A4 B4:e C5 B4:q A4 | G4 A4 D4:h | ' +
  'B4:q B4 C5 D5 | D5 C5 B4 A4 | G4 G4 A4 B4 | A4:q. G4:e G4:h';

/** 'Greensleeves' (English, 16th century) in A minor, 3/4, with its pickup. */
export const GREENSLEEVES =
  'A4:q | C5:h D5:q | E5:q. F5:e E5:q | D5:h B4:q | G4:q. A4:e B4:q | C5:h A4:q | A4:q. G#4:e A4:q | ' +
  'B4:h G#4:q | E4:h A4:q | C5:h D5:q | E5:q. F5:e E5:q | D5:h B4:q | G4:q. A4:e B4:q | ' +
  'C5:q. B4:e A4:q | G#4:q. F#4:e G#4:q | A4:h.';

/** 'Twinkle, Twinkle, Little Star' (French, 1761) in C major. */
export const TWINKLE =
  'C4:q C4 G4 G4 | A4 A4 G4:h | F4:q F4 E4 E4 | D4 D4 C4:h | ' +
  'G4:q G4 F4 F4 | E4 E4 D4:h | G4:q G4 F4 F4 | E4 E4 D4:h | ' +
  'C4:q C4 G4 G4 | A4 A4 G4:h | F4:q F4 E4 E4 | D4 D4 C4:h';

/** 'Auld Lang Syne' (Scottish, words Burns 1788), the verse in F major with its pickup. */
export const AULD_LANG_SYNE =
  'C4:q | F4:q. E4:e F4:q A4 | G4:q. F4:e G4:q A4:e G4 | F4:q. F4:e A4:q C5 | D5:h. D5:q | ' +
  'C5:q. A4:e A4:q F4 | G4:q. F4:e G4:q A4:e G4 | F4:q. D4:e D4:q C4 | F4:h.';
