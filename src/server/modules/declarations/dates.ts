/** Today's calendar date in Beijing (UTC+8, no daylight saving), whatever the server's time zone. */
export function beijingToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
