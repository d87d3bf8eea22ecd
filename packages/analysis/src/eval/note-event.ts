/** One note of a transcription: onset and offset in seconds, pitch in Hz (> 0). */
export interface NoteEvent {
  readonly onset: number;
  readonly offset: number;
  readonly pitchHz: number;
}

/**
 * Parses a note list in the mir_eval text format: one note per line, `onset offset hz` separated by
 * whitespace (tabs in the reference files). Blank lines and lines starting with `#` are skipped.
 * Throws with the line number on anything else that is not three finite numbers.
 */
export function readNoteList(text: string): NoteEvent[] {
  const notes: NoteEvent[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fields = line.split(/\s+/);
    const values = fields.map(Number);
    if (fields.length !== 3 || values.some((v) => !Number.isFinite(v))) {
      throw new Error(`Note list line ${i + 1} is not "onset offset hz" (three numbers): '${line}'`);
    }
    const [onset, offset, pitchHz] = values as [number, number, number];
    notes.push({ onset, offset, pitchHz });
  });
  return notes;
}

/** Throws unless every note has 0 ≤ onset ≤ offset and a positive, finite pitch. */
export function validateNotes(notes: readonly NoteEvent[], label: string): void {
  notes.forEach((n, i) => {
    if (!Number.isFinite(n.onset) || !Number.isFinite(n.offset) || n.onset < 0) {
      throw new Error(`${label} note ${i}: onset and offset must be finite seconds ≥ 0`);
    }
    if (n.offset < n.onset) {
      throw new Error(`${label} note ${i}: offset ${n.offset} s is before onset ${n.onset} s`);
    }
    if (!(n.pitchHz > 0) || !Number.isFinite(n.pitchHz)) {
      throw new Error(`${label} note ${i}: pitch must be a positive frequency, got ${n.pitchHz} Hz`);
    }
  });
}
