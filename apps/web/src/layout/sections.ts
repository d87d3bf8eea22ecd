/** The studio's sections, in navigation order. */
export interface Section {
  readonly path: string;
  readonly label: string;
  /** One line for the home page. */
  readonly summary: string;
}

export const SECTIONS: readonly Section[] = [
  { path: '/generate', label: 'Generate', summary: 'Piano arrangements in five genres from a description.' },
  { path: '/transcribe', label: 'Transcribe', summary: 'A recording turned into sheet music and MIDI.' },
  {
    path: '/practice',
    label: 'Practice',
    summary: 'Exercises at your level, played on a MIDI keyboard or the microphone, graded note by note.',
  },
  {
    path: '/ear-training',
    label: 'Ear training',
    summary: 'Intervals, chord qualities, melodic and rhythm dictation, explained, with a streak.',
  },
  { path: '/learn', label: 'Learn', summary: 'A learning path and theory lessons that adapt to you.' },
  {
    path: '/songs',
    label: 'Songs',
    summary: 'Public-domain pieces and traditional tunes by level and genre, to read, hear and practise.',
  },
  {
    path: '/theory',
    label: 'Theory',
    summary: 'Spell chords and scales, analyse progressions, hear and export them.',
  },
  { path: '/compose', label: 'Compose', summary: 'Write your own music with an assistant.' },
  {
    path: '/library',
    label: 'Library',
    summary: 'Everything you saved, to download or export as audio, sheet music or video.',
  },
];
