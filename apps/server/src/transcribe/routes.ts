import {
  TranscribeQuery,
  TranscribeUpload,
  TranscriptionFileParams,
  TranscriptionParams,
  TranscriptionJobAccepted,
  TranscriptionResponse,
  type TranscribeJobStorage,
} from '@cadenza/contracts';
import {
  decodeAudio,
  exportBaseName,
  exportSheetMusic,
  loadTranscription,
  storeTranscription,
  transcribePcm,
  transcriptionReport,
  transcriptionScore,
  type BlobStore,
  type ItemsRepository,
  type JobQueue,
  type TranscriptionRecord,
} from '@cadenza/platform';
import { readMusicXml } from '@cadenza/formats';
import { validatorCompiler, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError } from '../errors/api-error.js';
import { errorResponses } from '../errors/error-responses.js';
import { SHEET_CONTENT } from '../export/export-content.js';
import { sendExport } from '../export/export-reply.js';
import { withoutExtension } from '../file-names.js';
import { readSingleUpload, registerUploads } from '../uploads/uploads.js';
import { JOB_THRESHOLD_SECONDS, startTranscriptionJob } from './transcribe-job.js';

export interface TranscribeRoutesOptions {
  readonly blobs: BlobStore;
  readonly items: ItemsRepository;
  readonly maxUploadBytes: number;
  /**
   * config.maxAudioSeconds: the longest recording a job transcribes. Without a job queue one request
   * transcribes at most SYNC_SECONDS of it.
   */
  readonly maxSeconds: number;
  /** The job queue: recordings longer than `jobSeconds` become a `transcribe` job (202). */
  readonly jobs?: JobQueue | undefined;
  /** Where the job's worker finds the blob store and database (transcribeJobStorage(config)). */
  readonly storage?: TranscribeJobStorage | undefined;
  /** Longest recording answered in the request itself when there is a job queue (default 30 s). */
  readonly jobSeconds?: number;
}

/** Longest recording one request transcribes in the request itself (~1–2 s of work on two cores). */
export const SYNC_SECONDS = 180;

/** A media type the blob store accepts for the kept upload. */
const uploadMediaType = (mimeType: string): string =>
  /^audio\/[a-z0-9.+-]{1,60}$/i.test(mimeType) ? mimeType : 'application/octet-stream';

const TAGS = ['transcribe'];
const queryOnly = {
  validatorCompiler: ({ schema, httpPart }: { schema: unknown; httpPart?: string }) =>
    httpPart === 'body'
      ? (data: unknown) => ({ value: data })
      : validatorCompiler({ schema, httpPart } as never),
};
const noSuchTranscription = () => new ApiError(404, 'not_found', 'no transcription has this id');

const urlsOf = (id: string) => ({
  musicxml: `/transcriptions/${id}/score.musicxml`,
  midi: `/transcriptions/${id}/score.mid`,
  pdf: `/transcriptions/${id}/score.pdf`,
});

const responseOf = (id: string, record: TranscriptionRecord): TranscriptionResponse => ({
  transcription_id: id,
  ...record.report,
  download_urls: urlsOf(id),
  item_id: record.itemId,
});

/**
 * Transcription over HTTP: `POST /transcribe` (a recording as multipart `file`) answers the notes,
 * tempo, meter, key and confidence, or with `format` the MusicXML, MIDI or PDF itself; the result is
 * kept (`GET /transcriptions/{id}` and its files) and, signed in, saved to the library.
 */
export function transcribeRoutes(options: TranscribeRoutesOptions): FastifyPluginAsyncZod {
  const { blobs, items, maxUploadBytes, jobs, storage } = options;
  const queue = jobs && storage ? { jobs, storage } : undefined;
  const jobSeconds = options.jobSeconds ?? JOB_THRESHOLD_SECONDS;
  const maxSeconds = queue ? options.maxSeconds : Math.min(options.maxSeconds, SYNC_SECONDS);
  const syncLimit = queue ? `${jobSeconds} s` : `${maxSeconds} s`;
  const jobText = queue
    ? `A recording longer than ${jobSeconds} s (up to ${maxSeconds} s) runs as a \`transcribe\` job: the answer ` +
      'is 202 with Location /jobs/{id} and the job (links.job, links.events). Follow its progress (0–100) and ' +
      'stage (decoding, then the analysis: pitch, onsets, notes, rhythm…, then storing, stored) with GET /jobs/{id} or ' +
      'GET /jobs/{id}/events; once it succeeded, its result names the transcription_id: ' +
      'GET /transcriptions/{transcription_id} answers as a short recording does, and its download_urls give ' +
      'the MusicXML, MIDI and PDF (format applies only to a direct answer). '
    : '';
  return async (app) => {
    await registerUploads(app, maxUploadBytes);

    app.post(
      '/transcribe',
      {
        ...queryOnly,
        schema: {
          summary: 'Transcribe a recording: notes, tempo, meter, key and sheet music',
          description:
            `multipart/form-data with one \`file\` (WAV, MP3, FLAC, Ogg, M4A/AAC, WebM), up to ${maxSeconds} s. ` +
            `A recording up to ${syncLimit} is transcribed in the request: 200 with the transcription. ` +
            jobText +
            "mode=auto (default) follows a melody with the pitch tracker and hands chords to basic-pitch's note " +
            'model (mode=poly forces it, mode=mono the tracker). No sign-in needed; signed in, it is also saved ' +
            'to your library.',
          tags: TAGS,
          querystring: TranscribeQuery,
          consumes: ['multipart/form-data'],
          body: TranscribeUpload,
          response: {
            200: {
              description: 'The transcription (format=json), or the score file',
              content: { 'application/json': { schema: TranscriptionResponse }, ...SHEET_CONTENT },
            },
            202: {
              description: `A recording longer than ${jobSeconds} s: the transcription job (only with a job queue)`,
              content: { 'application/json': { schema: TranscriptionJobAccepted } },
            },
            ...errorResponses(400, 413, 415, 422),
          },
        },
      },
      async (request, reply) => {
        const { format, mode, instrument, quantized, title } = request.query;
        const upload = await readSingleUpload(request, maxUploadBytes);
        const name = title ?? withoutExtension(upload.fileName);
        const pcm = await decodeAudio(upload.bytes, { fileName: upload.fileName, maxSeconds });
        const duration = (pcm.channels[0]?.length ?? 0) / pcm.sampleRate;
        if (queue && duration > jobSeconds) {
          const accepted = await startTranscriptionJob(
            { ...queue, blobs, maxSeconds },
            {
              bytes: upload.bytes,
              fileName: upload.fileName,
              mediaType: uploadMediaType(upload.mimeType),
              title: name,
              duration,
              query: { mode, instrument, quantized },
              ownerId: request.user?.id ?? null,
            },
          );
          return reply.code(202).header('location', accepted.links.job).send(accepted);
        }
        const result = await transcribePcm(pcm, {
          fileName: upload.fileName,
          mode,
          ...(instrument ? { instrument } : {}),
        });
        const score = transcriptionScore(result.analysis, {
          title: name,
          quantized: quantized ?? false,
          ...(instrument ? { instrument } : {}),
        });
        const report = transcriptionReport(result);
        const { id, record } = await storeTranscription(
          { blobs, items },
          { title: name, score, report },
          request.user?.id,
        );
        reply.header('x-transcription-id', id);
        if (format === 'json') return responseOf(id, record);
        const file = await exportSheetMusic(score, { format });
        return sendExport(reply, file, exportBaseName(name));
      },
    );

    app.get(
      '/transcriptions/:id',
      {
        schema: {
          summary: 'A transcription made earlier',
          tags: TAGS,
          params: TranscriptionParams,
          response: { 200: TranscriptionResponse, ...errorResponses(400, 404) },
        },
      },
      async (request) => {
        const record = await loadTranscription(blobs, request.params.id);
        if (!record) throw noSuchTranscription();
        return responseOf(request.params.id, record);
      },
    );

    app.get(
      '/transcriptions/:id/:file',
      {
        schema: {
          summary: 'A transcription’s score: MusicXML, MIDI or PDF',
          tags: TAGS,
          params: TranscriptionFileParams,
          response: {
            200: { description: 'The file', content: SHEET_CONTENT },
            ...errorResponses(400, 404, 422),
          },
        },
      },
      async (request, reply) => {
        const record = await loadTranscription(blobs, request.params.id);
        if (!record) throw noSuchTranscription();
        const file = request.params.file;
        const stored = await blobs.get(file === 'score.mid' ? record.midiBlob : record.musicxmlBlob);
        if (!stored) throw noSuchTranscription();
        const chunks: Buffer[] = [];
        for await (const chunk of stored.stream) chunks.push(Buffer.from(chunk as Uint8Array));
        const bytes = new Uint8Array(Buffer.concat(chunks));
        const exported =
          file === 'score.pdf'
            ? await exportSheetMusic(readMusicXml(Buffer.from(bytes).toString('utf8')), { format: 'pdf' })
            : {
                bytes,
                mediaType: stored.mediaType,
                extension: file === 'score.mid' ? 'mid' : 'musicxml',
              };
        return sendExport(reply, exported, exportBaseName(record.title));
      },
    );
  };
}
