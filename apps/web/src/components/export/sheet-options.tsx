import type { SheetExportFormat } from '@cadenza/contracts';
import { useId } from 'react';
import { ChoiceGroup } from './choice-group.js';
import {
  DPI_CHOICES,
  PAGE_SIZES,
  PAGED_FORMATS,
  PER_PAGE_FORMATS,
  SHEET_FORMATS,
  type SheetChoice,
} from './export-options.js';

/** Format, paper, resolution and page of a sheet-music export; only what applies to the format shows. */
export function SheetOptions({
  value,
  onChange,
}: {
  readonly value: SheetChoice;
  readonly onChange: (value: SheetChoice) => void;
}) {
  const dpiId = useId();
  const pageId = useId();
  const paged = PAGED_FORMATS.includes(value.format);
  const perPage = PER_PAGE_FORMATS.includes(value.format);
  return (
    <div className="export-options">
      <ChoiceGroup
        legend="Format"
        choices={SHEET_FORMATS}
        value={value.format}
        onChange={(format: SheetExportFormat) => onChange({ ...value, format })}
      />
      {paged && (
        <ChoiceGroup
          legend="Paper"
          compact
          choices={PAGE_SIZES}
          value={value.pageSize}
          onChange={(pageSize) => onChange({ ...value, pageSize })}
        />
      )}
      {perPage && (
        <div className="export-row">
          {value.format === 'png' && (
            <>
              <label htmlFor={dpiId}>Resolution</label>
              <select
                id={dpiId}
                value={String(value.dpi)}
                onChange={(event) => onChange({ ...value, dpi: Number(event.target.value) })}
              >
                {DPI_CHOICES.map((dpi) => (
                  <option key={dpi.value} value={dpi.value}>
                    {dpi.label} ({dpi.hint})
                  </option>
                ))}
              </select>
            </>
          )}
          <label htmlFor={pageId}>Page</label>
          <input
            id={pageId}
            className="input-page"
            type="number"
            min={1}
            max={999}
            inputMode="numeric"
            placeholder="all"
            value={value.page ?? ''}
            onChange={(event) => {
              const page = Number.parseInt(event.target.value, 10);
              onChange({ ...value, page: Number.isInteger(page) && page >= 1 ? page : undefined });
            }}
            aria-describedby={`${pageId}-hint`}
          />
          <span id={`${pageId}-hint`} className="muted">
            Leave empty for every page (several pages come as a ZIP).
          </span>
        </div>
      )}
    </div>
  );
}
