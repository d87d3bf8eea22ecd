import { keySignatureText, transcriptionReport, type AudioTranscription } from '@cadenza/platform';
import { toCoreKey } from '@cadenza/analysis';

/** The API's transcription fields (no id: the CLI stores nothing), notes in seconds. */
export function transcriptionJson(result: AudioTranscription): Record<string, unknown> {
  return { transcription_id: null, ...transcriptionReport(result) };
}

/** What the command prints without -o or --json: the facts, then the notes as a list. */
export function transcriptionSummary(input: string, result: AudioTranscription): string {
  const report = transcriptionReport(result);
  const key = result.analysis.key ? toCoreKey(result.analysis.key) : undefined;
  const lines = [
    input,
    '',
    `  duration     ${result.duration.toFixed(1)} s`,
    `  notes        ${report.notes.length}`,
    `  tempo        ${report.tempo} bpm`,
    `  meter        ${report.time_signature}`,
    `  key          ${key ? `${keySignatureText(key)} (${key.mode})` : 'unknown'}`,
    `  confidence   ${report.confidence.toFixed(2)}`,
    ...report.warnings.map((w) => `  warning      ${w}`),
    '',
    '   start     end  note  vel  conf',
    ...report.notes.map(
      (n) =>
        `${n.start_time.toFixed(3).padStart(8)} ${n.end_time.toFixed(3).padStart(7)}  ${n.note_name.padEnd(4)} ${String(n.velocity).padStart(4)}  ${n.confidence.toFixed(2)}`,
    ),
  ];
  return lines.join('\n');
}
