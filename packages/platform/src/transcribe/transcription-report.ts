import { toCoreKey } from '@cadenza/analysis';
import type { TranscriptionResponse } from '@cadenza/contracts';
import { keySignatureFifths, pitchClassName, pitchName, spellMidi, type Key } from '@cadenza/core';
import type { AudioTranscription } from './transcribe-audio.js';

const round = (x: number, places = 3) => Math.round(x * 10 ** places) / 10 ** places;

/** The key as the spec writes it: "C", "Am", "Bb". */
export function keySignatureText(key: Key | undefined): string | null {
  if (!key) return null;
  const tonic = pitchClassName(key.tonic);
  return key.mode === 'minor' ? `${tonic}m` : tonic;
}

/** The spec's transcription fields (without id, URLs and library item), notes spelled in the key. */
export function transcriptionReport(
  result: AudioTranscription,
): Omit<TranscriptionResponse, 'transcription_id' | 'download_urls' | 'item_id'> {
  const { analysis } = result;
  const key = analysis.key ? toCoreKey(analysis.key) : undefined;
  const fifths = key ? keySignatureFifths(key) : 0;
  return {
    mode: result.mode,
    duration: round(result.duration),
    tempo: Math.round(analysis.bpm),
    time_signature: analysis.meter.timeSignature,
    key_signature: keySignatureText(key),
    confidence: round(analysis.confidence),
    warnings: [...result.warnings],
    notes: analysis.notes.map((n) => ({
      start_time: round(n.onset),
      end_time: round(n.offset),
      midi_note: n.midi,
      note_name: pitchName(spellMidi(n.midi, fifths, key?.mode === 'minor')),
      velocity: n.velocity,
      confidence: round(n.confidence),
    })),
  };
}
