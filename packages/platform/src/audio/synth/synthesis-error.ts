/**
 * Why synthesis could not run. `soundfont`: the configured SoundFont is missing or unreadable (an
 * operator problem; the message names the file). `option`: an option out of range (a sample rate other
 * than 44.1/48 kHz, a GM program outside 0–127, an instrument for a part the score does not have).
 * A bad MIDI file is a `MusicError` from `@cadenza/formats`, like every other unreadable score.
 */
export class SynthesisError extends Error {
  override readonly name = 'SynthesisError';
  constructor(
    readonly code: 'soundfont' | 'option',
    message: string,
  ) {
    super(message);
  }
}
