import type { ProfileBody, StudentProfileResponse } from '../../api/learning.js';
import type { FieldIssue } from '../../api/http.js';

/**
 * The onboarding (and preferences) form: what the student types, turned into PUT /students/me/profile's
 * body, and a 400's issues sorted back under the fields. Pure.
 */

export const FREQUENCIES = [
  { value: 'daily', label: 'Every day' },
  { value: '3x_week', label: 'Three times a week' },
  { value: 'weekend', label: 'Weekends' },
] as const;
export type Frequency = (typeof FREQUENCIES)[number]['value'];

export const GENRES = [
  { value: 'classical', label: 'Classical' },
  { value: 'jazz', label: 'Jazz' },
  { value: 'blues', label: 'Blues' },
  { value: 'gospel', label: 'Gospel' },
  { value: 'neosoul', label: 'Neo-soul' },
  { value: 'folk', label: 'Folk' },
  { value: 'pop', label: 'Pop' },
] as const;
export type Genre = (typeof GENRES)[number]['value'];

export const STYLES = [
  { value: 'visual', label: 'Seeing it', hint: 'scores and diagrams' },
  { value: 'auditory', label: 'Hearing it', hint: 'listening and ear work' },
  { value: 'kinesthetic', label: 'Doing it', hint: 'playing straight away' },
] as const;
export type Style = (typeof STYLES)[number]['value'];

export interface OnboardingForm {
  readonly selfLevel: string;
  readonly frequency: Frequency;
  readonly minutes: string;
  readonly genres: readonly Genre[];
  readonly style: Style;
  /** One goal per line. */
  readonly shortGoals: string;
  readonly longGoals: string;
  /** One song per line (an id from the song list, or a title). */
  readonly songs: string;
}

export type OnboardingField =
  | 'self_level'
  | 'practice_frequency'
  | 'session_duration'
  | 'preferred_genres'
  | 'learning_style'
  | 'short_term_goals'
  | 'long_term_goals'
  | 'target_songs';

export type OnboardingErrors = Partial<Record<OnboardingField, string>>;

export const DEFAULT_ONBOARDING: OnboardingForm = {
  selfLevel: '3',
  frequency: 'daily',
  minutes: '30',
  genres: [],
  style: 'visual',
  shortGoals: '',
  longGoals: '',
  songs: '',
};

/** The form filled from a saved profile, for "Edit preferences" (the level is not asked again). */
export function formFromProfile(profile: StudentProfileResponse): OnboardingForm {
  return {
    selfLevel: String(profile.current_level),
    frequency: profile.practice_frequency,
    minutes: String(profile.session_duration),
    genres: profile.preferred_genres,
    style: profile.learning_style,
    shortGoals: profile.short_term_goals.join('\n'),
    longGoals: profile.long_term_goals.join('\n'),
    songs: profile.target_songs.join('\n'),
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

/**
 * The request body. Numbers are passed on as typed (the server judges the range and says why); only
 * text that is not a number at all is refused here. `withLevel` false leaves the self level out
 * (editing preferences keeps the placed skills).
 */
export function buildProfileBody(
  form: OnboardingForm,
  withLevel = true,
): { readonly body: ProfileBody } | { readonly errors: OnboardingErrors } {
  const errors: OnboardingErrors = {};
  const minutes = Number(form.minutes.trim());
  if (form.minutes.trim() === '' || !Number.isFinite(minutes)) {
    errors.session_duration = 'Minutes per session must be a number, e.g. 30.';
  }
  const level = Number(form.selfLevel);
  if (withLevel && !Number.isFinite(level)) errors.self_level = 'Choose a level from 1 to 10.';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    body: {
      ...(withLevel ? { self_level: level } : {}),
      practice_frequency: form.frequency,
      session_duration: minutes,
      preferred_genres: [...form.genres],
      learning_style: form.style,
      short_term_goals: lines(form.shortGoals),
      long_term_goals: lines(form.longGoals),
      target_songs: lines(form.songs),
    },
  };
}

const FIELDS: readonly OnboardingField[] = [
  'self_level',
  'practice_frequency',
  'session_duration',
  'preferred_genres',
  'learning_style',
  'short_term_goals',
  'long_term_goals',
  'target_songs',
];

/** Each field's name in the form's words, for the server's messages ("session_duration must be…"). */
const FIELD_LABELS: Readonly<Record<OnboardingField, string>> = {
  self_level: 'Your level',
  practice_frequency: 'How often you practise',
  session_duration: 'Minutes per session',
  preferred_genres: 'Genres',
  learning_style: 'Learning style',
  short_term_goals: 'Each goal',
  long_term_goals: 'Each goal',
  target_songs: 'Each song',
};

/** The server's message with the API's field name put in the form's words. */
function fieldMessage(field: OnboardingField, message: string): string {
  return message.startsWith(field) ? FIELD_LABELS[field] + message.slice(field.length) : message;
}

/** A 400's issues under their fields (`body.session_duration` → session_duration; `body.short_term_goals.2` → short_term_goals); the rest stay general. */
export function profileIssues(issues: readonly FieldIssue[]): {
  readonly fields: OnboardingErrors;
  readonly other: readonly string[];
} {
  const fields: OnboardingErrors = {};
  const other: string[] = [];
  for (const issue of issues) {
    const name = issue.path.replace(/^body\./, '').split('.')[0] ?? '';
    const field = FIELDS.find((candidate) => candidate === name);
    if (field && issue.path.startsWith('body.')) fields[field] ??= fieldMessage(field, issue.message);
    else other.push(issue.message);
  }
  return { fields, other };
}
