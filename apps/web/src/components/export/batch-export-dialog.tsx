import type { ExportFormat, PageSize } from '@cadenza/contracts';
import { useState, type FormEvent } from 'react';
import { fetchBatchExport } from '../../api/export.js';
import { ChoiceGroup } from './choice-group.js';
import { DownloadStatus } from './download-status.js';
import {
  AUDIO_FORMATS,
  BATCH_QUALITIES,
  batchRequest,
  isAudioFormat,
  PAGE_SIZES,
  PAGED_FORMATS,
  SHEET_FORMATS,
  type Choice,
} from './export-options.js';
import { ModalDialog } from './modal-dialog.js';
import { useFileDownload } from './use-file-download.js';

function FormatChecks({
  legend,
  choices,
  selected,
  onToggle,
}: {
  readonly legend: string;
  readonly choices: readonly Choice<ExportFormat>[];
  readonly selected: ReadonlySet<ExportFormat>;
  readonly onToggle: (format: ExportFormat, on: boolean) => void;
}) {
  return (
    <fieldset className="choice-group">
      <legend>{legend}</legend>
      <div className="choice-group__options">
        {choices.map((choice) => (
          <label key={choice.value} className="choice">
            <input
              type="checkbox"
              checked={selected.has(choice.value)}
              onChange={(event) => onToggle(choice.value, event.target.checked)}
            />
            <span className="choice__text">
              <span className="choice__label">{choice.label}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * Several library items in several formats as one ZIP (POST /export/batch): a folder per item and a
 * manifest.json that lists every file, and anything that could not be made and why.
 */
export function BatchExportDialog({
  items,
  onClose,
}: {
  readonly items: readonly { readonly id: string; readonly title: string }[];
  readonly onClose: () => void;
}) {
  const [formats, setFormats] = useState<ReadonlySet<ExportFormat>>(new Set<ExportFormat>(['pdf']));
  const [quality, setQuality] = useState('high');
  const [pageSize, setPageSize] = useState<PageSize>('a4');
  const [reverb, setReverb] = useState(false);
  const download = useFileDownload();
  const working = download.state.status === 'working';
  const ordered = [...SHEET_FORMATS, ...AUDIO_FORMATS]
    .map((choice) => choice.value)
    .filter((format) => formats.has(format));
  const hasAudio = ordered.some(isAudioFormat);
  const hasPages = ordered.some((format) => (PAGED_FORMATS as readonly string[]).includes(format));

  const toggle = (format: ExportFormat, on: boolean) => {
    if (!working) download.reset();
    const next = new Set(formats);
    if (on) next.add(format);
    else next.delete(format);
    setFormats(next);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ordered.length === 0) return;
    const body = batchRequest(
      items.map((item) => item.id),
      { formats: ordered, quality, pageSize, reverb },
    );
    void download.start('ZIP', (signal) => fetchBatchExport(body, signal));
  };

  const files = items.length * ordered.length;
  return (
    <ModalDialog
      title={`Export ${items.length} ${items.length === 1 ? 'item' : 'items'}`}
      onClose={onClose}
      className="export-dialog"
    >
      <form className="export-form" onSubmit={submit}>
        <p className="export-note">
          {items.map((item) => item.title).join(', ')}: one folder per item in a ZIP, with a manifest.json
          that lists every file and anything that could not be exported.
        </p>
        <FormatChecks legend="Sheet music" choices={SHEET_FORMATS} selected={formats} onToggle={toggle} />
        <FormatChecks legend="Audio" choices={AUDIO_FORMATS} selected={formats} onToggle={toggle} />
        {hasAudio && (
          <>
            <ChoiceGroup
              legend="Audio quality"
              compact
              choices={BATCH_QUALITIES}
              value={quality}
              onChange={setQuality}
            />
            <label className="checkbox">
              <input type="checkbox" checked={reverb} onChange={(event) => setReverb(event.target.checked)} />
              Room reverb
            </label>
          </>
        )}
        {hasPages && (
          <ChoiceGroup legend="Paper" compact choices={PAGE_SIZES} value={pageSize} onChange={setPageSize} />
        )}
        <DownloadStatus state={download.state} />
        <div className="modal__actions">
          <span className="muted">
            {ordered.length === 0
              ? 'Pick at least one format.'
              : `${files} ${files === 1 ? 'file' : 'files'} in one ZIP`}
          </span>
          <button type="button" className="button-secondary" onClick={onClose}>
            Close
          </button>
          <button type="submit" disabled={working || ordered.length === 0}>
            {working ? 'Preparing…' : 'Download ZIP'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
