const DAY_MS = 86_400_000;

/** Split an inclusive `YYYY-MM-DD` range into consecutive inclusive windows of at most `days` days. */
export function dateWindows(from: string, to: string, days: number): { from: string; to: string }[] {
  const windows: { from: string; to: string }[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let start = Date.parse(`${from}T00:00:00Z`); start <= end; start += days * DAY_MS) {
    const windowEnd = Math.min(start + (days - 1) * DAY_MS, end);
    windows.push({ from: isoDate(start), to: isoDate(windowEnd) });
  }
  return windows;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
