import { z } from 'zod';

/**
 * Theory endpoints: the same JSON `cadenza theory … --json` prints. `format` asks for the result as
 * music instead: MusicXML, compressed MusicXML or a Standard MIDI File.
 */
export const TheoryFormat = z
  .enum(['json', 'musicxml', 'mxl', 'midi', 'wav'])
  .default('json')
  .describe(
    'json (default), the result as a score file (musicxml, mxl, midi) or as audio (wav, a preview synth)',
  );
export type TheoryFormat = z.infer<typeof TheoryFormat>;

/** A chord symbol, scale name or key as typed by a musician; bounded so nothing huge reaches a parser. */
/** Response lists are readonly (the core reports are). */
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

const musicText = (example: string) => z.string().trim().min(1).max(200).describe(`e.g. ${example}`);

export const IntervalReport = z.object({
  name: z.string().describe('short name, e.g. M3, b9, #11'),
  longName: z.string().describe('e.g. major third'),
  semitones: z.number().int(),
});

export const ChordQuery = z.object({
  symbol: musicText('F#7#9b13, Ebmaj7#11/G, C6/9'),
  format: TheoryFormat,
});
export type ChordQuery = z.infer<typeof ChordQuery>;

export const ChordReport = z.object({
  symbol: z.string(),
  root: z.string(),
  bass: z.string(),
  quality: z.string().describe('catalogue name, e.g. "Dominant 7th Sharp 9", or "custom"'),
  typeId: z.string().nullable(),
  notes: list(z.string()).describe('chord tones from the root, spelled: F# A# C# E G## D'),
  voicingFromBass: list(z.string()).describe('notes from the bass up (differs for inversions)'),
  intervals: list(IntervalReport),
});
export type ChordReport = z.infer<typeof ChordReport>;

export const ScaleQuery = z.object({
  tonic: musicText('Eb, F#, C'),
  name: musicText('bebop dominant, dorian, harmonic minor'),
  format: TheoryFormat,
});
export type ScaleQuery = z.infer<typeof ScaleQuery>;

export const ScaleTypeSummary = z.object({
  id: z.string().describe('stable kebab-case id, e.g. bebop-dominant'),
  name: z.string(),
  category: z.string(),
  description: z.string(),
});

export const ScaleReport = z.object({
  tonic: z.string(),
  scale: ScaleTypeSummary,
  notes: list(z.string()).describe('spelled: Eb F G Ab Bb C Db D'),
  intervals: list(IntervalReport),
});
export type ScaleReport = z.infer<typeof ScaleReport>;

export const ScaleListResponse = z.object({
  scales: list(
    ScaleTypeSummary.extend({
      aliases: list(z.string()).describe('other names accepted by /theory/scale'),
      intervals: list(z.string()).describe('interval names above the tonic, e.g. P1 M2 m3'),
    }),
  ),
});
export type ScaleListResponse = z.infer<typeof ScaleListResponse>;

export const AnalyzeQuery = z.object({ format: TheoryFormat });
export type AnalyzeQuery = z.infer<typeof AnalyzeQuery>;

export const AnalyzeRequest = z.object({
  key: musicText('Bb, C minor, F#m'),
  chords: z
    .union([z.string().min(1).max(2000), z.array(z.string().min(1).max(200)).min(1).max(256)])
    .describe('a list of symbols or one string with spaces and bar lines: "| Dm7 G7 | Cmaj7 |"'),
});
export type AnalyzeRequest = z.infer<typeof AnalyzeRequest>;

export const ProgressionReport = z.object({
  key: z.string(),
  chords: list(
    z.object({
      symbol: z.string(),
      numeral: z.string().describe('roman numeral in the key, e.g. ii7, V65/ii'),
      function: z.string().describe('harmonic function, e.g. tonic, predominant, dominant'),
      description: z.string(),
      notes: list(z.string()).describe('spelled from the bass up'),
    }),
  ),
});
export type ProgressionReport = z.infer<typeof ProgressionReport>;
