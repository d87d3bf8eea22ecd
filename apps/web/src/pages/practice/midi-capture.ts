/**
 * Turning MIDI keyboard messages into played notes, kept apart from Web MIDI so it is tested without a
 * browser. A message is the raw bytes with the time it arrived (milliseconds on the page's
 * performance.now() clock); notes come out in seconds from the origin (the page uses the moment Start
 * was pressed, so every start is ≥ 0 as the API asks; the grader finds the first downbeat itself), sorted
 * by onset then pitch. The sustain pedal is not applied: a note ends when its key comes
 * up (the grader judges onsets and pitches, not how long a pedalled note rings).
 */

export interface TimedMidiMessage {
  /** Status byte then data bytes, as MIDIMessageEvent.data holds them. */
  readonly data: readonly number[];
  /** Milliseconds, same clock as the origin. */
  readonly at: number;
}

/** One key played: when it went down and came up, how hard. */
export interface CapturedNote {
  /** MIDI note number, 60 = middle C. */
  readonly midi: number;
  /** Seconds from the origin (negative only for a key pressed before it, when those are kept). */
  readonly start: number;
  /** Seconds from the origin; after `start`. */
  readonly end: number;
  /** 1–127. */
  readonly velocity: number;
}

export type NoteMessage =
  | { readonly kind: 'on'; readonly midi: number; readonly velocity: number }
  | { readonly kind: 'off'; readonly midi: number };

/** A note on or off on any channel (note on with velocity 0 is a note off), or undefined for anything else. */
export function readNoteMessage(data: readonly number[]): NoteMessage | undefined {
  const [status, midi, velocity] = data;
  if (status === undefined || midi === undefined || midi > 127) return undefined;
  const command = status & 0xf0;
  if (command === 0x90 && velocity !== undefined && velocity > 0) {
    return { kind: 'on', midi, velocity: Math.min(127, velocity) };
  }
  if (command === 0x80 || (command === 0x90 && velocity === 0)) return { kind: 'off', midi };
  return undefined;
}

/** The shortest note kept, in seconds: a key released at once still sounds this long. */
const MIN_DURATION_S = 0.01;

/**
 * The notes in a list of messages. A key pressed again before it was released ends the earlier note
 * there; a key still down at `stopAt` ends then; a release without a press is ignored. Messages before
 * `ignoreBefore` (ms) are dropped, so keys pressed long before Start do not count.
 */
export function notesFromMidiMessages(
  messages: readonly TimedMidiMessage[],
  options: { readonly originAt: number; readonly stopAt: number; readonly ignoreBefore?: number },
): CapturedNote[] {
  const { originAt, stopAt, ignoreBefore = -Infinity } = options;
  const seconds = (at: number) => (at - originAt) / 1000;
  const held = new Map<number, { readonly at: number; readonly velocity: number }>();
  const notes: CapturedNote[] = [];
  const close = (midi: number, at: number) => {
    const down = held.get(midi);
    if (!down) return;
    held.delete(midi);
    const start = seconds(down.at);
    notes.push({ midi, start, end: Math.max(seconds(at), start + MIN_DURATION_S), velocity: down.velocity });
  };
  const ordered = [...messages].sort((a, b) => a.at - b.at);
  for (const message of ordered) {
    if (message.at < ignoreBefore || message.at > stopAt) continue;
    const note = readNoteMessage(message.data);
    if (!note) continue;
    if (note.kind === 'on') {
      close(note.midi, message.at);
      held.set(note.midi, { at: message.at, velocity: note.velocity });
    } else close(note.midi, message.at);
  }
  for (const midi of [...held.keys()]) close(midi, stopAt);
  return notes.sort((a, b) => a.start - b.start || a.midi - b.midi);
}

const NAMES = ['C', 'C♯', 'D', 'E♭', 'E', 'F', 'F♯', 'G', 'A♭', 'A', 'B♭', 'B'] as const;

/** "C4", "F♯3": a MIDI number named for a live display (60 = C4). */
export function midiName(midi: number): string {
  return `${NAMES[((midi % 12) + 12) % 12] ?? '?'}${Math.floor(midi / 12) - 1}`;
}
