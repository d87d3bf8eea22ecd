/**
 * Lead-sheet chord symbols: parsing ("Cm7b5", "Bb13sus", "C7(b9,#11)", "Ebmaj7#11/G") and canonical writing.
 * The grammar lives in chord-symbol-parse.ts and its modifiers file; the tones in chord-symbol-spec.ts.
 */
export { parseChordSymbol, tryParseChordSymbol, type ChordSymbolResult } from './chord-symbol-parse.js';
export { formatChordSymbol, type FormatChordSymbolOptions } from './chord-symbol-format.js';
