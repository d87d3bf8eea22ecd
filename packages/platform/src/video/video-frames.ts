import { DEFAULT_FRAME_STYLE, paintHighlights, paintPlayhead, type FrameStyle } from './frame-painter.js';
import { frameScoreTime, type ScoreVideoPlan } from './plan-score-video.js';
import { soundingCursor } from './score-timeline.js';
import type { Box } from './strip-geometry.js';
import type { StripRaster } from './strip-raster.js';

/**
 * Draws the frames of a planned video, one RGB buffer (`width × height × 3`) after another: white page,
 * the visible window of the strip, the notes sounding at the frame's time highlighted, the playhead.
 * Each frame is a fresh buffer, since a pipe may still hold the previous one when the next is drawn.
 */
export function* videoFrames(
  plan: ScoreVideoPlan,
  raster: StripRaster,
  style: FrameStyle = DEFAULT_FRAME_STYLE,
): Generator<Uint8Array> {
  const { width, height, zoom, stripTop } = plan;
  const sounding = soundingCursor(plan.notes);
  for (let i = 0; i < plan.frameCount; i++) {
    const pixels = new Uint8Array(width * height * 3).fill(255);
    const frame = { pixels, width, height };
    const scroll = Math.round(plan.scroll[i] as number);
    raster.blit(pixels, width, stripTop, scroll);
    const heads: Box[] = sounding(frameScoreTime(plan, i)).map((n) => ({
      x: n.box.x * zoom - scroll,
      y: n.box.y * zoom + stripTop,
      width: n.box.width * zoom,
      height: n.box.height * zoom,
    }));
    paintHighlights(frame, heads, style);
    paintPlayhead(frame, (plan.playhead[i] as number) - scroll, plan.playheadTop, plan.playheadBottom, style);
    yield pixels;
  }
}
