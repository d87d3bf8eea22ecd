import type { PerformedNote } from '@cadenza/analysis';
import { pitchName, spellMidi, keySignatureFifths, type Key } from '@cadenza/core';
import type { AudioTranscription } from '@cadenza/platform';
import { toCoreKey } from '@cadenza/analysis';

const round = (x: number, places = 3) => Math.round(x * 10 ** places) / 10 ** places;

/** The key as the spec writes it: "C", "Am", "Bb". */
function keySignatureText(key: Key | undefined): string | null {
  if (!key) return null;
  const tonic = `${key.tonic.step}${key.tonic.alter > 0 ? '#' : key.tonic.alter < 0 ? 'b' : ''}`;
  return key.mode === 'minor' ? `${tonic}m` : tonic;
}

function noteName(note: PerformedNote, key: Key | undefined): string {
  const fifths = key ? keySignatureFifths(key) : 0;
  return pitchName(spellMidi(note.midi, fifths, key?.mode === 'minor'));
}

/** The spec's transcription fields (no id: the CLI stores nothing), notes in seconds. */
export function transcriptionJson(result: AudioTranscription): Record<string, unknown> {
  const { analysis } = result;
  const key = analysis.key ? toCoreKey(analysis.key) : undefined;
  return {
    transcription_id: null,
    mode: result.mode,
    duration: round(result.duration),
    tempo: Math.round(analysis.bpm),
    time_signature: analysis.meter.timeSignature,
    key_signature: keySignatureText(key),
    confidence: round(analysis.confidence),
    warnings: result.warnings,
    notes: analysis.notes.map((n) => ({
      start_time: round(n.onset),
      end_time: round(n.offset),
      midi_note: n.midi,
      note_name: noteName(n, key),
      velocity: n.velocity,
      confidence: round(n.confidence),
    })),
  };
}

/** What the command prints without -o or --json: the facts, then the notes as a list. */
export function transcriptionSummary(input: string, result: AudioTranscription): string {
  const { analysis } = result;
  const key = analysis.key ? toCoreKey(analysis.key) : undefined;
  const lines = [
    input,
    '',
    `  duration     ${result.duration.toFixed(1)} s`,
    `  notes        ${analysis.notes.length}`,
    `  tempo        ${Math.round(analysis.bpm)} bpm`,
    `  meter        ${analysis.meter.timeSignature}`,
    `  key          ${key ? `${keySignatureText(key)} (${key.tonic.step}${key.tonic.alter < 0 ? 'b' : key.tonic.alter > 0 ? '#' : ''} ${key.mode})` : 'unknown'}`,
    `  confidence   ${analysis.confidence.toFixed(2)}`,
    ...result.warnings.map((w) => `  warning      ${w}`),
    '',
    '   start     end  note  vel  conf',
    ...analysis.notes.map(
      (n) =>
        `${n.onset.toFixed(3).padStart(8)} ${n.offset.toFixed(3).padStart(7)}  ${noteName(n, key).padEnd(4)} ${String(n.velocity).padStart(4)}  ${n.confidence.toFixed(2)}`,
    ),
  ];
  return lines.join('\n');
}
