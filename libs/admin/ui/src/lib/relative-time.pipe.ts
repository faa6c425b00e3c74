import { Pipe, type PipeTransform } from '@angular/core';

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

const FORMAT = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** `2026-11-22T08:00:00Z` → "5 minutes ago"; `now` is for tests. */
export function relativeTime(
  value: string | Date | null | undefined,
  now: number = Date.now(),
): string {
  if (value === null || value === undefined || value === '') return '—';
  const time = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(time)) return '—';
  const seconds = Math.round((time - now) / 1000);
  if (Math.abs(seconds) < 10) return 'just now';
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size)
      return FORMAT.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

@Pipe({ name: 'uiRelativeTime' })
export class RelativeTimePipe implements PipeTransform {
  transform(value: string | Date | null | undefined): string {
    return relativeTime(value);
  }
}
