import { z } from 'zod';
import { ResourceId } from './common.js';
import { BinaryFile } from './convert.js';

/** POST /transcribe: a recording in, notes, tempo, meter, key and sheet music out (spec Feature 1). */
export const TranscribeQuery = z.object({
  format: z
    .enum(['json', 'musicxml', 'midi', 'pdf'])
    .default('json')
    .describe('json (default): the notes and facts; musicxml, midi or pdf: that file directly'),
  mode: z
    .enum(['auto', 'mono', 'poly'])
    .default('auto')
    .describe('auto (default) or mono; poly (basic-pitch) is not available yet'),
  instrument: z
    .enum(['voice', 'piano', 'guitar', 'strings', 'winds'])
    .optional()
    .describe('narrows the pitch range (default voice)'),
  quantized: z
    .enum(['true', 'false', '1', '0'])
    .transform((v) => v === 'true' || v === '1')
    .optional()
    .describe('MIDI plays the notation exactly instead of the performance'),
  title: z.string().trim().min(1).max(120).optional().describe('title of the score (default: the file name)'),
});
export type TranscribeQuery = z.infer<typeof TranscribeQuery>;

export const TranscribeUpload = z.object({
  file: BinaryFile.describe('the recording: WAV, MP3, FLAC, Ogg, M4A/AAC or WebM'),
});

export const TranscribedNote = z.object({
  start_time: z.number().describe('seconds'),
  end_time: z.number().describe('seconds'),
  midi_note: z.number().int(),
  note_name: z.string().describe('spelled in the key, e.g. Bb4'),
  velocity: z.number().int(),
  confidence: z.number().describe('0–1'),
});

export const TranscriptionResponse = z.object({
  transcription_id: ResourceId,
  mode: z.enum(['mono', 'poly']).describe('the path that ran'),
  duration: z.number().describe('seconds of audio'),
  notes: z.array(TranscribedNote),
  tempo: z.number().int().describe('quarter notes per minute'),
  time_signature: z.string(),
  key_signature: z.string().nullable().describe('e.g. F, Am, Bb (null when no notes)'),
  confidence: z.number().describe('0–1: how far to trust the notes'),
  warnings: z.array(z.string()).describe('what the recording made hard: clipping, silence…'),
  download_urls: z.object({
    musicxml: z.string(),
    midi: z.string(),
    pdf: z.string(),
  }),
  item_id: ResourceId.nullable().describe('the library item when signed in, else null'),
});
export type TranscriptionResponse = z.infer<typeof TranscriptionResponse>;

export const TranscriptionParams = z.object({ id: ResourceId });
export const TranscriptionFileParams = z.object({
  id: ResourceId,
  file: z.enum(['score.musicxml', 'score.mid', 'score.pdf']),
});
