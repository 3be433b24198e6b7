import { seededRandom } from '@hrkit/core/testing';

/** A salary row exactly as the sandbox serves it (HiBob's Salary table shape). */
export interface SandboxSalaryRow {
  id: number;
  employeeId: string;
  effectiveDate: string;
  endEffectiveDate: string | null;
  isCurrent: boolean;
  base: { value: number; currency: string };
  payPeriod: string;
  payFrequency: string;
  change: { reason: string; changedBy: string | null; changedById: string | null };
  creationDate: string;
  modificationDate: string;
  customColumns: Record<string, unknown>;
}

/** An attendance entry with every documented field (served under `/attendanceEntry/<field>` keys). */
export interface SandboxAttendanceEntry {
  id: string;
  employeeId: string;
  clockInDate: string;
  clockOutDate: string | null;
  type: 'work' | 'break';
  clockInTime: string | null;
  clockOutTime: string | null;
  duration: number | null;
  reasonCode: string | null;
  notes: string | null;
  projectId: string | null;
  taskId: string | null;
}

export interface PayDataOptions {
  seed: number;
  /** Employees the service user can see (the sandbox's directory). */
  employeeIds: readonly string[];
  /** Of those, the ones whose Payroll section the service user may not read (e.g. executives). */
  payrollHiddenIds?: readonly string[];
  /** "Today" (YYYY-MM-DD): no salary row starts after it; today's work entry is still open. */
  today: string;
  /**
   * Each employee's start date (YYYY-MM-DD). When known, the first row ("New hire") starts on it and no row starts
   * before it; a future hire has exactly one row, effective on the start date (the contract's salary, entered
   * ahead). Without it, histories start on a seeded date between 2018 and 2023.
   */
  startDateOf?: (employeeId: string) => string | undefined;
}

export interface PaySandboxData {
  readonly employeeIds: readonly string[];
  readonly payrollHidden: ReadonlySet<string>;
  readonly today: string;
  /** The employee's salary rows in the (unsorted) order the sandbox serves them. */
  salaryRows(employeeId: string): SandboxSalaryRow[];
  /** The employee's attendance entries on one date (same answer every time for the same seed). */
  attendanceOn(employeeId: string, date: string): SandboxAttendanceEntry[];
  /** Ground truth: every salary row id a full-access reader must receive exactly once. */
  readableSalaryRowIds(): string[];
}

const CURRENCIES = ['EUR', 'USD', 'GBP', 'ILS', 'CHF'];
const FREQUENCIES = ['Monthly', 'Bi-Weekly', 'Semi-Monthly', 'Weekly'];
const REASONS = ['Promotion', 'Annual review', 'Market adjustment', 'Role change'];
/** Fixed offsets (no DST) so every served timestamp has exactly one right instant. */
const OFFSETS = ['+01:00', '+00:00', '-05:00', '+02:00', '+05:30'];
const DAY_MS = 86_400_000;

/**
 * Seeded pay data: the same seed and employees give byte-identical salary tables and attendance. Every employee's data
 * comes from its own sub-seed, so adding employees never changes the existing ones.
 */
export function generatePayData(options: PayDataOptions): PaySandboxData {
  const index = new Map(options.employeeIds.map((id, position) => [id, position]));
  const hidden = new Set(options.payrollHiddenIds ?? []);
  const todayMs = Date.parse(`${options.today}T00:00:00Z`);
  const salaryCache = new Map<string, SandboxSalaryRow[]>();

  const salaryRows = (employeeId: string): SandboxSalaryRow[] => {
    const position = index.get(employeeId);
    if (position === undefined) return [];
    const cached = salaryCache.get(employeeId);
    if (cached) return cached.map((row) => structuredClone(row));
    const random = seededRandom(mix(options.seed, position, 1));
    const count = 1 + Math.floor(random() * 4);
    const currency = pick(CURRENCIES, random);
    const hourly = random() < 0.15;
    const frequency = pick(FREQUENCIES, random);
    const seededStart = Date.parse('2018-01-01T00:00:00Z') + Math.floor(random() * 2000) * DAY_MS;
    const startDate = options.startDateOf?.(employeeId);
    const startMs = startDate ? Date.parse(`${startDate}T00:00:00Z`) : Number.NaN;
    const known = !Number.isNaN(startMs);
    let effective = known ? startMs : seededStart;
    // A future hire's one row is the only one allowed to start after today.
    const lastStart = known && startMs > todayMs ? startMs : todayMs;
    let amount = hourly ? 18 + Math.floor(random() * 60) + 0.5 : 42_000 + Math.floor(random() * 130) * 1000;
    const rows: SandboxSalaryRow[] = [];
    for (let k = 0; k < count && effective <= lastStart; k++) {
      rows.push({
        id: 1_000_000 + position * 10 + k,
        employeeId,
        effectiveDate: isoDate(effective),
        endEffectiveDate: null,
        isCurrent: false,
        base: { value: amount, currency },
        payPeriod: hourly ? 'Hourly' : 'Annual',
        payFrequency: frequency,
        change: { reason: k === 0 ? 'New hire' : pick(REASONS, random), changedBy: null, changedById: null },
        creationDate: isoDate(effective),
        modificationDate: isoDate(effective),
        customColumns: {},
      });
      effective += (200 + Math.floor(random() * 400)) * DAY_MS;
      amount = Math.round(amount * (1.03 + random() * 0.1) * 100) / 100;
    }
    rows.forEach((row, k) => {
      const next = rows[k + 1];
      row.endEffectiveDate = next ? isoDate(Date.parse(`${next.effectiveDate}T00:00:00Z`) - DAY_MS) : null;
      row.isCurrent = next === undefined;
    });
    // HiBob promises no order: serve the history shuffled so readers must sort it themselves.
    const served = shuffle(rows, seededRandom(mix(options.seed, position, 2)));
    salaryCache.set(employeeId, served);
    return served.map((row) => structuredClone(row));
  };

  const attendanceOn = (employeeId: string, date: string): SandboxAttendanceEntry[] => {
    const position = index.get(employeeId);
    const dayMs = Date.parse(`${date}T00:00:00Z`);
    if (position === undefined || Number.isNaN(dayMs) || dayMs > todayMs) return [];
    const weekday = new Date(dayMs).getUTCDay();
    if (weekday === 0 || weekday === 6) return [];
    const day = Math.floor(dayMs / DAY_MS);
    const random = seededRandom(mix(options.seed, position, 1000 + day));
    if (random() < 0.1) return [];
    const id = (k: number) => String(7_000_000_000 + position * 100_000 + (day % 100_000)) + String(k);
    const base = {
      employeeId,
      clockInDate: date,
      reasonCode: null,
      notes: null,
      projectId: null,
      taskId: null,
    };
    // Every fifth employee reports durations instead of start and end times.
    if (position % 5 === 4)
      return [
        {
          ...base,
          id: id(0),
          clockOutDate: null,
          type: 'work',
          clockInTime: null,
          clockOutTime: null,
          duration: 420 + Math.floor(random() * 120),
        },
      ];
    const offset = OFFSETS[position % OFFSETS.length] as string;
    const startMinute = 8 * 60 + Math.floor(random() * 120);
    const endMinute = startMinute + 8 * 60 + Math.floor(random() * 60);
    const stamp = (minute: number) => `${date}T${clock(minute)}${offset}`;
    const open = dayMs === todayMs;
    const entries: SandboxAttendanceEntry[] = [
      {
        ...base,
        id: id(0),
        clockOutDate: open ? null : date,
        type: 'work',
        clockInTime: stamp(startMinute),
        clockOutTime: open ? null : stamp(endMinute),
        duration: null,
        projectId: random() < 0.3 ? String(500 + (position % 7)) : null,
      },
    ];
    if (!open && random() < 0.6)
      entries.push({
        ...base,
        id: id(1),
        clockOutDate: date,
        type: 'break',
        clockInTime: stamp(12 * 60),
        clockOutTime: stamp(12 * 60 + 30),
        duration: null,
      });
    return entries;
  };

  return {
    employeeIds: options.employeeIds,
    payrollHidden: hidden,
    today: options.today,
    salaryRows,
    attendanceOn,
    readableSalaryRowIds: () =>
      options.employeeIds
        .filter((id) => !hidden.has(id))
        .flatMap((id) => salaryRows(id).map((row) => `${id}:${row.id}`)),
  };
}

/** Deterministic 32-bit mix of the seed, the employee position and a stream number. */
function mix(seed: number, position: number, stream: number): number {
  let h = (seed * 0x9e3779b1) ^ (position * 0x85ebca6b) ^ (stream * 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`;
}
