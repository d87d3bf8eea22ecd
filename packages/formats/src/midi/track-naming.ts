/**
 * How a Score's part × staff × voice becomes a MIDI track name, and back.
 *
 * - one-staff part: "Violin"; its second voice "Violin voice 2"
 * - two-staff part (keyboards): "Piano RH" (staff 1) and "Piano LH" (staff 2); "Piano LH voice 2"
 * - three or more staves: "Organ (staff 3)", "Organ (staff 3) voice 2"
 *
 * The writer also stores the bare part name as the track's instrument-name meta event, so a part
 * whose own name ends in "RH" or "voice 2" still reads back exactly: the suffix is parsed only after
 * the instrument name. Files from elsewhere have no such event; their names are parsed from the end.
 */

/** Where a track's notes belong. */
export interface TrackRole {
  readonly partName: string;
  /** Staff within the part, from 1. */
  readonly staff: number;
  /** Voice within the staff, from 1. */
  readonly voice: number;
  /** The number of staves the name implies: 2 for RH/LH, N for "(staff N)", else 1. */
  readonly stavesAtLeast: number;
}

/** The track name for one voice of one staff of a part. */
export function midiTrackName(partName: string, staves: number, staff: number, voice: number): string {
  let name = partName;
  if (staves === 2) name += staff === 1 ? ' RH' : ' LH';
  else if (staves > 2) name += ` (staff ${staff})`;
  return voice > 1 ? `${name} voice ${voice}` : name;
}

const SUFFIX = /^(.*?)(?:\s+(RH|LH)|\s+\(staff (\d+)\))?(?:\s+voice (\d+))?$/u;

/**
 * Reads a track name back into part name, staff and voice. With `instrumentName` (the part name the
 * writer stored), only the text after it is parsed; otherwise the suffix is taken from the end.
 */
export function parseMidiTrackName(trackName: string, instrumentName?: string): TrackRole {
  let base = '';
  let suffix = trackName.trim();
  if (instrumentName !== undefined && trackName.startsWith(instrumentName)) {
    base = instrumentName;
    suffix = trackName.slice(instrumentName.length);
  }
  const m = SUFFIX.exec(suffix);
  if (!m) return { partName: trackName, staff: 1, voice: 1, stavesAtLeast: 1 };
  const hand = m[2];
  const staffNumber = m[3] === undefined ? undefined : Number(m[3]);
  const staff = hand === 'LH' ? 2 : hand === 'RH' ? 1 : (staffNumber ?? 1);
  const voice = m[4] === undefined ? 1 : Number(m[4]);
  const partName = (base + (m[1] ?? '')).trim();
  // "RH" alone is not a part name: keep the whole text then.
  if (partName === '') return { partName: trackName.trim(), staff: 1, voice: 1, stavesAtLeast: 1 };
  return {
    partName,
    staff: Math.max(1, staff),
    voice: Math.max(1, voice),
    stavesAtLeast: hand ? 2 : (staffNumber ?? 1),
  };
}
