/**
 * What a frame-wise note model says about a recording: for each frame and each key, the probability that a
 * note of that key sounds (`frames`) and that one starts (`onsets`). Row-major: frame × keys + key.
 */
export interface NoteActivations {
  readonly frames: Float32Array;
  readonly onsets: Float32Array;
  readonly frameCount: number;
  /** Frames per second; frame i is centred on i / frameRate seconds. */
  readonly frameRate: number;
  /** MIDI number of key 0 (21 for a piano's A0). */
  readonly lowestMidi: number;
  /** Keys per frame (88 for a piano). */
  readonly keys: number;
}
