import type { GenreArranger } from './arrangement-types.js';
import type { Genre } from './genres.js';
import { bluesArranger } from './genres/blues/index.js';
import { classicalArranger } from './genres/classical/index.js';
import { gospelArranger } from './genres/gospel/index.js';
import { jazzArranger } from './genres/jazz/index.js';
import { neosoulArranger } from './genres/neosoul/index.js';

/**
 * The arranger of each genre. Each genre folder (`genres/<genre>/`) exports one `GenreArranger`;
 * a genre missing here answers "not available yet".
 */
export const GENRE_ARRANGERS: Partial<Record<Genre, GenreArranger>> = {
  gospel: gospelArranger,
  jazz: jazzArranger,
  classical: classicalArranger,
  blues: bluesArranger,
  neosoul: neosoulArranger,
};
