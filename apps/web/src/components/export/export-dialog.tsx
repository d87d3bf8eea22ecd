import { useState, type FormEvent } from 'react';
import { fetchExport, type ExportSource } from '../../api/export.js';
import { AudioOptions } from './audio-options.js';
import { ChoiceGroup } from './choice-group.js';
import { DownloadStatus } from './download-status.js';
import {
  DEFAULT_AUDIO,
  DEFAULT_SHEET,
  describeChoice,
  exportQuery,
  type AudioChoice,
  type Choice,
  type ExportKind,
  type SheetChoice,
} from './export-options.js';
import { ModalDialog } from './modal-dialog.js';
import { SheetOptions } from './sheet-options.js';
import { useFileDownload } from './use-file-download.js';
import { VideoExport } from './video-export.js';

const KINDS: readonly Choice<ExportKind>[] = [
  { value: 'audio', label: 'Audio' },
  { value: 'sheet', label: 'Sheet music' },
  { value: 'video', label: 'Video' },
];

/**
 * Export one score as audio, sheet music or (for a library item) a scrolling-score video: pick the
 * format and its settings, download. Audio and sheet music are fetched with the session's cookie and
 * saved under the server's file name; a failure shows the server's message.
 */
export function ExportDialog({
  source,
  onClose,
}: {
  readonly source: ExportSource;
  readonly onClose: () => void;
}) {
  const [kind, setKind] = useState<ExportKind>('audio');
  const [audio, setAudio] = useState<AudioChoice>(DEFAULT_AUDIO);
  const [sheet, setSheet] = useState<SheetChoice>(DEFAULT_SHEET);
  const download = useFileDownload();
  const kinds = source.kind === 'item' ? KINDS : KINDS.filter((k) => k.value !== 'video');
  const choice = kind === 'sheet' ? sheet : audio;
  const working = download.state.status === 'working';

  const changed = <T,>(set: (value: T) => void) => {
    return (value: T) => {
      if (!working) download.reset();
      set(value);
    };
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (kind === 'video') return;
    const target = choice.kind === 'audio' ? 'audio' : 'sheet-music';
    const query = exportQuery(choice);
    void download.start(describeChoice(choice), (signal) => fetchExport(source, target, query, signal));
  };

  return (
    <ModalDialog title={`Export “${source.title}”`} onClose={onClose} className="export-dialog">
      <form className="export-form" onSubmit={submit}>
        <ChoiceGroup
          legend="What to export"
          compact
          choices={kinds}
          value={kind}
          onChange={changed(setKind)}
        />
        {source.kind === 'score' && (
          <p className="muted export-note">
            Videos are made from scores saved in your Library; audio and sheet music work for this one now.
          </p>
        )}
        {kind === 'audio' && <AudioOptions value={audio} onChange={changed(setAudio)} />}
        {kind === 'sheet' && <SheetOptions value={sheet} onChange={changed(setSheet)} />}
        {kind === 'video' && source.kind === 'item' && (
          <VideoExport itemId={source.id} title={source.title} />
        )}
        {kind !== 'video' && (
          <>
            <DownloadStatus state={download.state} />
            <div className="modal__actions">
              <button type="button" className="button-secondary" onClick={onClose}>
                Close
              </button>
              <button type="submit" disabled={working}>
                {working ? 'Preparing…' : `Download ${describeChoice(choice)}`}
              </button>
            </div>
          </>
        )}
      </form>
    </ModalDialog>
  );
}
