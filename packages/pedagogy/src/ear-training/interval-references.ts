/**
 * Songs students use to remember intervals, rising and falling, and how the interval sounds with both
 * notes together. Only openings that are well documented are named (public-domain tunes first; a few
 * famous film and show themes where no old tune is as well known); where no opening is widely agreed,
 * a way to find the interval from one the student knows is given instead.
 */
export interface IntervalReference {
  readonly up: string;
  readonly down: string;
  readonly together: string;
}

export const INTERVAL_REFERENCES: Readonly<Record<string, IntervalReference>> = {
  m2: {
    up: 'the two alternating notes of the shark theme from the film Jaws',
    down: 'the opening of Beethoven’s Für Elise (E down to D♯ and back)',
    together: 'the most clashing pair there is: the two notes rub against each other',
  },
  M2: {
    up: 'the first two notes of “Frère Jacques”',
    down: 'the first two notes of “Mary Had a Little Lamb” (“Ma-ry”)',
    together: 'a gentle rub, milder than the minor second’s clash',
  },
  m3: {
    up: 'the first two notes of “Greensleeves” (“A-las”)',
    down: 'the first two notes of “The Star-Spangled Banner”',
    together: 'the lower third of a minor chord: darker than a major third',
  },
  M3: {
    up: 'the first two notes of “When the Saints Go Marching In” (“Oh when”)',
    down: 'the opening of Beethoven’s Fifth Symphony (three Gs falling to E♭)',
    together: 'the lower third of a major chord: bright and settled',
  },
  P4: {
    up: 'the first two notes of “Here Comes the Bride” (Wagner’s Bridal Chorus) or of “Amazing Grace” (“A-ma-”)',
    down: 'the opening of Mozart’s Eine kleine Nachtmusik (G down to D)',
    together: 'open and hollow; it is a perfect fifth turned upside down',
  },
  A4: {
    up: 'the first two notes of “Maria” from West Side Story (“Ma-ri-”), or of The Simpsons theme',
    down: 'the rising tritone from the other end: turned upside down a tritone is still a tritone, six half steps',
    together: 'restless and unresolved: it splits the octave exactly in half',
  },
  P5: {
    up: 'the leap in “Twinkle, Twinkle, Little Star” from the first “twin-kle” to the second',
    down: 'the first two notes of The Flintstones theme (“Flint-stones”)',
    together: 'the most open sound after the octave, the “power chord” of rock guitar',
  },
  m6: {
    up: 'the leap up after the three rising notes that open Scott Joplin’s “The Entertainer”',
    down: 'an octave less a major third: sing down an octave, then back up a major third',
    together: 'a major third turned upside down, softer and sadder than a major sixth',
  },
  M6: {
    up: 'the first two notes of “My Bonnie Lies over the Ocean” (“My Bon-”)',
    down: 'the first two notes of the spiritual “Nobody Knows the Trouble I’ve Seen” (“No-bo-”)',
    together: 'a minor third turned upside down: sweet and warm',
  },
  m7: {
    up: 'the first two notes of “Somewhere” from West Side Story (“There’s a place”)',
    down: 'an octave less a whole step: sing down an octave, then back up a whole step',
    together: 'the outer notes of a dominant seventh chord: tense, wanting to move on',
  },
  M7: {
    up: 'a half step short of an octave: sing up an octave, then fall back one half step',
    down: 'a half step short of an octave: sing down an octave, then come back up one half step',
    together: 'sharp and tense, like an octave that missed by a half step',
  },
  P8: {
    up: 'the first two notes of “Somewhere over the Rainbow” (“Some-where”)',
    down: 'the same note name, one register lower: the two notes blend almost into one',
    together: 'the two notes fuse so completely they can sound like one note',
  },
};

/** The simple interval inside a compound one (m9 → m2), for explaining ninths and tenths. */
export const COMPOUND_TO_SIMPLE: Readonly<Record<string, string>> = {
  m9: 'm2',
  M9: 'M2',
  m10: 'm3',
  M10: 'M3',
};
