import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { basename, dirname, join } from 'node:path';
import type { Score } from '@cadenza/core';
import type { PcmAudio } from '../audio/wav.js';
import { engravingFonts, resvgFontOptions } from '../engraving/engraving-fonts.js';
import { resvgReadySvg } from '../engraving/svg-style.js';
import { runFfmpeg } from '../media/ffmpeg-run.js';
import { planScoreVideo, type ScoreVideoLayoutOptions, type ScoreVideoPlan } from './plan-score-video.js';
import { writeRawAudioFile } from './raw-audio-file.js';
import { createStripRaster } from './strip-raster.js';
import { VideoError } from './video-error.js';
import { videoFrames } from './video-frames.js';

/** x264 speed/size trade-offs offered (faster = bigger files at the same quality). */
export const VIDEO_PRESETS = ['ultrafast', 'superfast', 'veryfast', 'faster', 'fast', 'medium'] as const;
export type VideoPreset = (typeof VIDEO_PRESETS)[number];

export interface ScoreVideoOptions extends ScoreVideoLayoutOptions {
  /**
   * Where the MP4 goes. It is written under a temporary name in the same folder and renamed when
   * complete, so `outFile` never holds half a video; an existing file there is replaced.
   */
  readonly outFile: string;
  /** Called with the fraction done, 0–1, as frames are encoded (about 100 times, then 1 at the end). */
  readonly onProgress?: (fraction: number) => void;
  /** Cancels: ffmpeg is killed, temporary files are removed, and the promise rejects with VideoError('aborted'). */
  readonly signal?: AbortSignal;
  /** x264 preset [veryfast]. */
  readonly preset?: VideoPreset;
  /** x264 constant rate factor, 0–51, lower is better [20]. */
  readonly crf?: number;
  /** AAC bit rate in kbit/s, 64–320 [192]. */
  readonly audioBitrateKbps?: number;
  /** Folder for the temporary audio file [the system temp folder]. */
  readonly tmpDir?: string;
}

/** What was written. */
export interface ScoreVideoResult {
  readonly path: string;
  readonly bytes: number;
  readonly frames: number;
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  /** Seconds of audio (the video lasts frames / fps, within half a frame of it). */
  readonly durationSeconds: number;
}

interface EncoderSettings {
  readonly preset: VideoPreset;
  readonly crf: number;
  readonly kbps: number;
}

/** Checks the encoder options before any work starts. */
function encoderSettings(options: ScoreVideoOptions): EncoderSettings {
  const preset = options.preset ?? 'veryfast';
  if (!VIDEO_PRESETS.includes(preset)) {
    throw new VideoError(
      'option',
      `unknown x264 preset '${String(preset)}': use one of ${VIDEO_PRESETS.join(', ')}`,
    );
  }
  const crf = options.crf ?? 20;
  if (!(Number.isInteger(crf) && crf >= 0 && crf <= 51)) {
    throw new VideoError('option', `crf ${crf} must be a whole number from 0 to 51`);
  }
  const kbps = options.audioBitrateKbps ?? 192;
  if (!(Number.isInteger(kbps) && kbps >= 64 && kbps <= 320)) {
    throw new VideoError('option', `audio bit rate ${kbps} kbit/s must be a whole number from 64 to 320`);
  }
  if (!existsSync(dirname(options.outFile))) {
    throw new VideoError('option', `cannot write ${options.outFile}: its folder does not exist`);
  }
  return { preset, crf, kbps };
}

function encoderArgs(
  plan: ScoreVideoPlan,
  audio: PcmAudio,
  audioPath: string,
  { preset, crf, kbps }: EncoderSettings,
  out: string,
): string[] {
  return [
    ['-v', 'error'],
    ['-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${plan.width}x${plan.height}`, '-r', String(plan.fps)],
    ['-i', 'pipe:0'],
    ['-f', 's16le', '-ar', String(audio.sampleRate), '-ac', String(audio.channels.length), '-i', audioPath],
    ['-map', '0:v:0', '-map', '1:a:0'],
    // HD video is BT.709; convert with that matrix and say so, or players shift the colours.
    ['-vf', 'scale=out_color_matrix=bt709:out_range=tv'],
    ['-colorspace', 'bt709', '-color_primaries', 'bt709', '-color_trc', 'bt709'],
    ['-c:v', 'libx264', '-preset', preset, '-crf', String(crf), '-pix_fmt', 'yuv420p'],
    ['-c:a', 'aac', '-b:a', `${kbps}k`],
    ['-movflags', '+faststart', '-f', 'mp4', '-y', out],
  ].flat();
}

/**
 * Renders a scrolling-score video: H.264 + AAC in MP4, by default 1280×720 at 30 fps. The score is
 * engraved once as a single system, rasterised in tiles at the video's scale, and scrolled so the
 * music under the playhead is the music sounding; the notes sounding at each frame's time are
 * highlighted. The video has round(audio seconds × fps) frames, so picture and sound end together,
 * and both start at 0, so they stay in sync throughout.
 *
 * `audio` is the soundtrack, normally `synthesizeScore(score)`; pass `audioOffsetSeconds` when it
 * starts with a count-in. The result goes to `options.outFile` (a long video is never held in memory);
 * frames stream into ffmpeg with backpressure. Throws VideoError for bad options or an unengravable
 * score, FfmpegError when ffmpeg is missing or fails; temporary files are removed in every case.
 */
export async function renderScoreVideo(
  score: Score,
  audio: PcmAudio,
  options: ScoreVideoOptions,
): Promise<ScoreVideoResult> {
  const { signal, onProgress } = options;
  const aborted = (): VideoError => new VideoError('aborted', 'the video was cancelled');
  if (signal?.aborted) throw aborted();
  const settings = encoderSettings(options);
  const plan = await planScoreVideo(score, audio, options);
  if (signal?.aborted) throw aborted();
  const partial = join(
    dirname(options.outFile),
    `.${basename(options.outFile)}.${randomBytes(6).toString('hex')}.part`,
  );
  const work = await mkdtemp(join(options.tmpDir ?? tmpdir(), 'cadenza-video-'));
  try {
    const audioPath = join(work, 'audio.s16le');
    const args = encoderArgs(plan, audio, audioPath, settings, partial);
    // The fonts and SVG clean-up that printed pages use: music fonts as files, words at Times widths.
    const fonts = await engravingFonts('Leipzig', [plan.svg]);
    const raster = createStripRaster({
      svg: resvgReadySvg(plan.svg, fonts.text?.sizeAdjust ?? 1, fonts.text?.family),
      zoom: plan.zoom,
      font: resvgFontOptions(fonts),
    });
    await writeRawAudioFile(audioPath, audio, signal);
    let reported = -1;
    async function* frames(): AsyncGenerator<Uint8Array> {
      let index = 0;
      for (const frame of videoFrames(plan, raster)) {
        // Let abort events and ffmpeg's output in between frames, even while the pipe never blocks.
        await nextTurn();
        if (signal?.aborted) return;
        yield frame;
        index++;
        const percent = Math.floor((index / plan.frameCount) * 100);
        if (percent > reported && percent < 100) {
          reported = percent;
          onProgress?.(percent / 100);
        }
      }
    }
    await runFfmpeg(args, { input: frames(), ...(signal ? { signal } : {}) });
    if (signal?.aborted) throw aborted();
    await rename(partial, options.outFile);
    onProgress?.(1);
    const { size } = await stat(options.outFile);
    return {
      path: options.outFile,
      bytes: size,
      frames: plan.frameCount,
      width: plan.width,
      height: plan.height,
      fps: plan.fps,
      durationSeconds: plan.durationSeconds,
    };
  } catch (error) {
    await rm(partial, { force: true });
    // Once cancelled, the cancellation is the story (ffmpeg's kill or the audio writer's abort follow from it).
    if (signal?.aborted) throw aborted();
    throw error;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
