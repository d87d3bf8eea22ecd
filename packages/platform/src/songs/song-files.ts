import type { SongFile } from '@cadenza/contracts';
import type { CatalogueSong } from '@cadenza/pedagogy';
import type { ExportedFile } from '../export/batch-export.js';
import { exportScoreAudio, exportSheetPages } from '../export/export-score.js';

export interface SongFileOptions {
  /** Longest audio a render may make, in seconds (config.maxAudioSeconds). */
  readonly maxSeconds: number;
  /** SF2/SF3 to play the song with (undefined: the bundled one). */
  readonly soundFont?: string | undefined;
}

/**
 * A catalogue song as one file, through the same exports every door uses: audio.wav / audio.mp3 (the
 * score played, no count-in), score.pdf (every page), score.png (the first page), score.mid, score.musicxml.
 */
export async function exportSongFile(
  song: CatalogueSong,
  file: SongFile,
  options: SongFileOptions,
): Promise<ExportedFile> {
  const score = song.score();
  if (file === 'audio.wav' || file === 'audio.mp3') {
    const format = file === 'audio.mp3' ? 'mp3' : 'wav';
    return exportScoreAudio(score, { format, maxSeconds: options.maxSeconds, soundFont: options.soundFont });
  }
  const format =
    file === 'score.pdf' ? 'pdf' : file === 'score.png' ? 'png' : file === 'score.mid' ? 'midi' : 'musicxml';
  const [first] = await exportSheetPages(score, { format, ...(format === 'png' ? { page: 1 } : {}) });
  if (!first) throw new Error(`the song ${song.id} gave no ${file}`);
  return first;
}
