const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "19 June 2026". Dates in content are calendar days, so they are read and shown in UTC. */
export const formatDate = (date: Date): string => dateFormat.format(date);

const monthFormat = new Intl.DateTimeFormat('en-GB', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A date as precisely as the content gives it: "2024", "August 2025" or "9 December 2025". */
export function formatPartialDate(date: string): string {
  if (date.length === 4) return date;
  return (date.length === 7 ? monthFormat : dateFormat).format(new Date(date));
}

/** ISO calendar day, for <time datetime>. */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

export const formatDuration = (minutes: number): string =>
  minutes % 60 === 0 && minutes >= 120 ? `${minutes / 60} hours` : `${minutes} minutes`;

/** Whole numbers with thousands separators, the same on every visitor's machine: "1,000,000". */
export const formatCount = (value: number): string => Math.round(value).toLocaleString('en-US');
