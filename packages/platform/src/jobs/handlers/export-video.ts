import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VideoJobInput, type VideoJobResult } from '@cadenza/contracts';
import { readScore } from '@cadenza/formats';
import { synthesizeScore } from '../../audio/synth/index.js';
import { checkScoreLength } from '../../export/export-length.js';
import { renderScoreVideo } from '../../video/index.js';
import type { JobHandler } from '../job-handler.js';

/**
 * `export.video`: plays a score with the SoundFont and films it as a scrolling-score MP4 (H.264 + AAC,
 * 1280×720, 30 fps). Stages: 'synthesising' (0–20 %), 'filming' (20–100 %). The MP4 comes back in the
 * result (base64; GET /jobs/{id}/result serves it), so the score's length is capped by `maxSeconds`.
 */
export const exportVideo: JobHandler = async (rawInput, { reportProgress, signal }) => {
  const parsed = VideoJobInput.safeParse(rawInput);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `export.video input is invalid: ${issue?.path.join('.') || 'input'}: ${issue?.message ?? ''}`,
    );
  }
  const input = parsed.data;
  const score = readScore(new Uint8Array(Buffer.from(input.score, 'base64')), 'musicxml');
  checkScoreLength(score, input.maxSeconds);
  reportProgress(0, 'synthesising');
  const audio = await synthesizeScore(score, {
    reverb: input.reverb,
    ...(input.soundFont === undefined ? {} : { soundFont: input.soundFont }),
    onProgress: (fraction) => reportProgress(fraction * 20, 'synthesising'),
  });
  const dir = await mkdtemp(join(tmpdir(), 'cadenza-video-'));
  try {
    const outFile = join(dir, 'video.mp4');
    const made = await renderScoreVideo(score, audio, {
      outFile,
      tmpDir: dir,
      signal,
      onProgress: (fraction) => reportProgress(20 + fraction * 80, 'filming'),
    });
    const result: VideoJobResult = {
      format: 'mp4',
      mediaType: 'video/mp4',
      fileName: `${input.title}.mp4`,
      bytes: (await readFile(outFile)).toString('base64'),
      durationSeconds: made.durationSeconds,
      frames: made.frames,
    };
    reportProgress(100, 'filming');
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
