import { RequestFieldError } from '../arrange/request/resolve-request.js';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for an ISO date (YYYY-MM-DD); a bad date is a RequestFieldError naming `field`. */
export function dayNumber(date: string, field = 'start_date'): number {
  const m = ISO_DATE.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || !Number.isFinite(ms) || isoDate(ms / DAY_MS) !== date) {
    throw new RequestFieldError(field, `must be a date written YYYY-MM-DD, got '${date.slice(0, 20)}'`);
  }
  return ms / DAY_MS;
}

/** The ISO date (YYYY-MM-DD) of a day number. */
export const isoDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The ISO date `days` after `date`. */
export const addDays = (date: string, days: number): string => isoDate(dayNumber(date) + days);
