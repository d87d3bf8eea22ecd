// The production handlers module: worker threads and `cadenza worker` processes import it by URL
// (see builtinJobHandlersModule). Feature issues add their kinds here (transcription, rendering…).
import type { JobHandlers } from '../job-handler.js';
import { compiledModuleUrl } from '../module-url.js';
import { exportVideo } from './export-video.js';
import { scoreConvert } from './score-convert.js';
import { transcribeJob } from './transcribe.js';

export const handlers: JobHandlers = {
  'score.convert': scoreConvert,
  'export.video': exportVideo,
  transcribe: transcribeJob,
};

/** URL of this module as compiled JavaScript: what to pass as `handlersModule` in production. */
export function builtinJobHandlersModule(): URL {
  return compiledModuleUrl('./builtin-handlers.js', import.meta.url);
}
