import type { GenerateBody, GenerateCall, GenerateGenre } from '../../api/generate.js';
import type { FieldIssue } from '../../api/http.js';

/** The Generate form as typed: every field text, empty meaning "let the server decide". */
export interface GenerateForm {
  readonly genre: GenerateGenre;
  readonly description: string;
  readonly key: string;
  readonly tempo: string;
  readonly bars: string;
  /** '' for the genre's default application. */
  readonly application: string;
  readonly timeSignature: string;
  /** Whether the musician's own chart is sent instead of a generated progression. */
  readonly useChart: boolean;
  readonly chordChart: string;
  readonly seed: string;
  readonly leftHand: string;
  readonly rightHand: string;
  readonly swing: string;
  readonly title: string;
}

/** The request fields a form control stands for (the `body.<field>` of a 400's issues). */
export type FormField =
  | 'description'
  | 'key'
  | 'tempo'
  | 'num_bars'
  | 'application'
  | 'time_signature'
  | 'chord_chart'
  | 'seed'
  | 'left_hand'
  | 'right_hand'
  | 'swing_ratio'
  | 'title';

export const FORM_FIELDS: readonly FormField[] = [
  'description',
  'key',
  'tempo',
  'num_bars',
  'application',
  'time_signature',
  'chord_chart',
  'seed',
  'left_hand',
  'right_hand',
  'swing_ratio',
  'title',
];

export type FieldErrors = Partial<Record<FormField, string>>;

/** Each field's label on the form, also used to word the server's messages. */
export const FIELD_LABELS: Readonly<Record<FormField, string>> = {
  description: 'Description',
  key: 'Key',
  tempo: 'Tempo',
  num_bars: 'Bars',
  application: 'Application',
  time_signature: 'Time signature',
  chord_chart: 'Chord chart',
  seed: 'Seed',
  left_hand: 'Left hand',
  right_hand: 'Right hand',
  swing_ratio: 'Swing ratio',
  title: 'Title',
};

/**
 * The server's message for a field in the form's words: its leading `num_bars: ` dropped (the message
 * sits under the field) and the field's id replaced by its label, e.g. "Bars must be at least 1".
 */
export function fieldMessage(field: FormField, message: string): string {
  const label = FIELD_LABELS[field];
  const text = message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
  const worded = text.split(field).join(label.toLowerCase());
  const sentence = worded.startsWith(label.toLowerCase()) ? label + worded.slice(label.length) : worded;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

export const EMPTY_FORM: GenerateForm = {
  genre: 'jazz',
  description: '',
  key: '',
  tempo: '',
  bars: '',
  application: '',
  timeSignature: '',
  useChart: false,
  chordChart: '',
  seed: '',
  leftHand: '',
  rightHand: '',
  swing: '',
  title: '',
};

type NumberField = 'tempo' | 'num_bars' | 'seed' | 'swing_ratio';

/** A typed number, or undefined when empty; NaN when it is not a number at all. */
function numberOf(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

/**
 * The request for a form, or what is wrong with it. Only what cannot be sent as JSON is checked here
 * (a number field holding words); ranges, keys, charts and patterns are the server's to judge, and its
 * 400 names the field.
 */
export function buildRequest(
  form: GenerateForm,
): { readonly call: GenerateCall } | { readonly errors: FieldErrors } {
  const numbers: Record<NumberField, number | undefined> = {
    tempo: numberOf(form.tempo),
    num_bars: numberOf(form.bars),
    seed: numberOf(form.seed),
    swing_ratio: numberOf(form.swing),
  };
  const errors: FieldErrors = {};
  for (const [field, value] of Object.entries(numbers) as [NumberField, number | undefined][]) {
    if (value !== undefined && !Number.isFinite(value))
      errors[field] = `${FIELD_LABELS[field]} must be a number`;
  }
  if (Object.keys(errors).length > 0) return { errors };

  const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const fields: Omit<GenerateBody, 'description' | 'include_progression'> = {
    key: text(form.key),
    tempo: numbers.tempo,
    num_bars: numbers.num_bars,
    application: text(form.application),
    time_signature: text(form.timeSignature),
    chord_chart: form.useChart ? text(form.chordChart) : undefined,
    left_hand: text(form.leftHand),
    right_hand: text(form.rightHand),
    swing_ratio: numbers.swing_ratio,
    seed: numbers.seed,
    title: text(form.title),
  };
  const body = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  return {
    call: {
      genre: form.genre,
      body: { description: form.description.trim(), include_progression: true, ...body },
    },
  };
}

/**
 * A 400's issues sorted to the form's fields (`body.num_bars` → num_bars); the rest, e.g. a genre the
 * server does not know, are returned to show above the form.
 */
export function issuesByField(issues: readonly FieldIssue[]): {
  readonly fields: FieldErrors;
  readonly other: readonly string[];
} {
  const fields: FieldErrors = {};
  const other: string[] = [];
  for (const issue of issues) {
    const name = issue.path.replace(/^body\./, '');
    const field = FORM_FIELDS.find((candidate) => candidate === name);
    if (field && issue.path.startsWith('body.')) fields[field] ??= fieldMessage(field, issue.message);
    else other.push(issue.message);
  }
  return { fields, other };
}
