/**
 * Wall-clock times at a venue, turned into ISO 8601 date-times with the offset the venue's time zone
 * has on that day (+02:00 in Brno in June, +01:00 in January), so no offset is ever typed by hand.
 */

const MINUTE = 60_000;

/** True for an IANA time zone name the runtime knows, e.g. "Europe/Prague". */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Minutes the zone is ahead of UTC at an instant (negative west of Greenwich). */
function offsetMinutes(timeZone: string, instant: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name ?? '');
  if (!match)
    throw new Error(`Cannot read the UTC offset of time zone ${timeZone} (got "${name}")`);
  const [, sign, hours = '0', minutes = '0'] = match;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

const formatOffset = (minutes: number): string => {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
};

/**
 * The instant at which a venue's clocks show `time` ("HH:MM") on `day` (a calendar day, read in UTC
 * like every date in the content). Two passes, because the offset depends on the instant it defines.
 */
export function instantAt(day: Date, time: string, timeZone: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const wallClock = Date.UTC(
    day.getUTCFullYear(),
    day.getUTCMonth(),
    day.getUTCDate(),
    hours,
    minutes,
  );
  const guess = wallClock - offsetMinutes(timeZone, wallClock) * MINUTE;
  return wallClock - offsetMinutes(timeZone, guess) * MINUTE;
}

/** "2026-06-19T10:15:00+02:00": the instant as the venue's clocks show it. */
export function isoInZone(instant: number, timeZone: string): string {
  const offset = offsetMinutes(timeZone, instant);
  const wallClock = new Date(instant + offset * MINUTE).toISOString().slice(0, 19);
  return `${wallClock}${formatOffset(offset)}`;
}

export const addMinutes = (instant: number, minutes: number): number => instant + minutes * MINUTE;
