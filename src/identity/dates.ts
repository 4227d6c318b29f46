/**
 * Calendar helpers for birth dates. Dates are `YYYY-MM-DD` strings so that comparing them is
 * a string comparison and no JS `Date` can roll 02-30 over to 03-02 (spec §1.4).
 *
 * @example
 *   isoDate('20000229'); // '2000-02-29'
 *   isoDate('19000229'); // null
 *   ageOn('2000-02-29', '2026-02-28'); // 25
 */

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today in Asia/Shanghai (UTC+8 all year, no DST), the zone ID numbers are judged in (§1.4). */
export function shanghaiToday(now: Date = new Date()): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole years from `birthDate` to `today` (both `YYYY-MM-DD`); a 02-29 birthday counts on 03-01. */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** `YYYYMMDD` → `YYYY-MM-DD` when it is a real Gregorian date, else null. */
export function isoDate(yyyymmdd: string): string | null {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (!/^\d{8}$/.test(yyyymmdd) || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/** True for a well-formed, real `YYYY-MM-DD` date. */
export function isIsoDate(s: string): boolean {
  return ISO_DATE.test(s) && isoDate(s.replaceAll('-', '')) !== null;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}
