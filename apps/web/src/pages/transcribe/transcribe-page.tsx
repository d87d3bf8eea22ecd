import { useMutation } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import {
  transcribeRecording,
  type TranscribeOptions,
  type TranscribeProgress,
  type TranscriptionResponse,
} from '../../api/transcribe.js';
import { awaitTranscriptionJob } from '../../api/transcribe-job.js';
import { ErrorPanel } from '../../components/error-panel.js';
import { usePageTitle } from '../../layout/use-page-title.js';
import { baseName } from './facts.js';
import { TranscribeFormView, type RecordingSource } from './transcribe-form.js';
import { progressLabel, progressPercent, progressStatus } from './transcribe-progress.js';
import { TranscriptionResult } from './transcription-result.js';
import { useRecorder, type Recording } from './use-recorder.js';

interface Transcribed {
  readonly result: TranscriptionResponse;
  readonly recording: RecordingSource;
  readonly title: string;
}

interface Call {
  readonly recording: RecordingSource;
  readonly options: TranscribeOptions;
}

const DEFAULT_OPTIONS: TranscribeOptions = { mode: 'auto', instrument: 'voice', title: '' };

/**
 * "Uploading 42 %" then "Listening…", or for a long recording "Transcribing… 63 % · finding the notes"
 * as the server's job goes, as a bar and words.
 */
function UploadProgress({ progress, onCancel }: { progress: TranscribeProgress; onCancel: () => void }) {
  const percent = progressPercent(progress);
  return (
    <div className="panel transcribe-progress" data-phase={progress.phase}>
      <p className="transcribe-progress__label" id="transcribe-progress-label">
        {progressLabel(progress)}
      </p>
      <progress
        aria-labelledby="transcribe-progress-label"
        max={100}
        {...(percent !== undefined ? { value: percent } : {})}
      />
      <button type="button" className="button-secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

/**
 * Transcribe: a recording in (a file, dropped or chosen, or the microphone), sheet music out: the notes
 * over the waveform, tempo, meter, key and confidence, the engraved score, A/B listening and downloads.
 */
export function TranscribePage() {
  usePageTitle('Transcribe');
  const [source, setSource] = useState<RecordingSource | undefined>();
  const [options, setOptions] = useState<TranscribeOptions>(DEFAULT_OPTIONS);
  const [progress, setProgress] = useState<TranscribeProgress | undefined>();
  const [transcribed, setTranscribed] = useState<Transcribed | undefined>();
  const abort = useRef<AbortController | undefined>(undefined);
  const resultRef = useRef<HTMLDivElement>(null);

  const transcribe = useMutation({
    mutationFn: async ({ recording, options: chosen }: Call): Promise<Transcribed> => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      const answer = await transcribeRecording(
        recording.blob,
        recording.fileName,
        chosen,
        setProgress,
        controller.signal,
      );
      // A long recording comes back as a job: follow it, then show its transcription the same way.
      const result =
        answer.kind === 'transcription'
          ? answer.result
          : await awaitTranscriptionJob(answer.job, setProgress, controller.signal);
      return { result, recording, title: chosen.title.trim() || baseName(recording.fileName) };
    },
    onSuccess: (done) => {
      setTranscribed(done);
      requestAnimationFrame(() => {
        resultRef.current?.scrollIntoView({ block: 'start' });
        resultRef.current?.focus({ preventScroll: true });
      });
    },
    onSettled: () => setProgress(undefined),
  });

  const onRecorded = useCallback(
    (recording: Recording) => {
      const made: RecordingSource = { ...recording, origin: 'microphone' };
      setSource(made);
      transcribe.mutate({ recording: made, options });
    },
    [transcribe, options],
  );
  const recorder = useRecorder(onRecorded);
  const busy = transcribe.isPending;

  return (
    <>
      <h1>Transcribe</h1>
      <p className="lead">
        Play or sing a melody, upload or record it, and get it back as sheet music, MIDI and MusicXML with its
        tempo, meter and key. Compare your recording with the transcription, note by note and by ear.
      </p>
      <TranscribeFormView
        source={source}
        onSource={(picked) => {
          setSource(picked);
          transcribe.reset();
        }}
        options={options}
        onOptions={(changes) => setOptions((current) => ({ ...current, ...changes }))}
        recorder={recorder.state}
        onRecordStart={() => {
          transcribe.reset();
          recorder.start();
        }}
        onRecordStop={recorder.stop}
        busy={busy}
        onSubmit={() => {
          if (source) transcribe.mutate({ recording: source, options });
        }}
      />
      {busy && progress && <UploadProgress progress={progress} onCancel={() => abort.current?.abort()} />}
      {transcribe.isError && <ErrorPanel title="Could not transcribe." error={transcribe.error} />}
      <p role="status" className="visually-hidden">
        {busy
          ? progressStatus(progress)
          : transcribed
            ? `Transcribed ${transcribed.title}: ${transcribed.result.notes.length} notes.`
            : ''}
      </p>
      <div ref={resultRef} tabIndex={-1} className="generate-result-anchor">
        {transcribed && (
          <TranscriptionResult
            key={transcribed.result.transcription_id}
            result={transcribed.result}
            recording={transcribed.recording}
            title={transcribed.title}
          />
        )}
      </div>
    </>
  );
}
