import { SeededGenerator } from '@hrkit/sandbox-kit';
import { type Company, rowInForce } from './company.js';
import { isWeekend, plusDays as addDays, randomDate } from './days.js';
import type { SandboxEmployee, SandboxTimeOffRequest, TimeOffStatus, TimeOffType } from './types.js';

const DEPARTMENTS = ['Engineering', 'Sales', 'Marketing', 'Human Resources', 'Finance', 'Operations', 'Support'];
const TITLES: Record<string, string[]> = {
  Engineering: ['Software Engineer', 'Senior Software Engineer', 'Engineering Manager', 'QA Engineer'],
  Sales: ['Account Executive', 'Sales Manager', 'Sales Development Rep'],
  Marketing: ['Marketing Specialist', 'Content Writer', 'Marketing Manager'],
  'Human Resources': ['HR Administrator', 'Sr. HR Administrator', 'Recruiter'],
  Finance: ['Accountant', 'Financial Analyst', 'Controller'],
  Operations: ['Operations Coordinator', 'Office Manager'],
  Support: ['Support Specialist', 'Support Lead'],
};
const LOCATIONS: readonly [string, string, string][] = [
  ['Salt Lake City, Utah', 'North America', 'United States'],
  ['London, UK', 'Europe', 'United Kingdom'],
  ['Sydney, Australia', 'Asia-Pacific', 'Australia'],
  ['Vancouver, Canada', 'North America', 'Canada'],
  ['Remote', 'North America', 'United States'],
];
/** `employmentHistoryStatus` values and their weights; "Working Student" is this company's own label. */
const EMPLOYMENT_TYPES: readonly [string, number][] = [
  ['Full-Time', 70],
  ['Part-Time', 12],
  ['Contractor', 8],
  ['Intern', 5],
  ['Working Student', 3],
];

export const TIME_OFF_TYPES: readonly TimeOffType[] = [
  {
    id: '78',
    name: 'Vacation',
    units: 'hours',
    color: null,
    icon: 'palm-trees',
    policyType: 'accruing',
    monthlyAccrual: 10,
  },
  {
    id: '79',
    name: 'Sick',
    units: 'hours',
    color: 'eef448',
    icon: 'band-aid',
    policyType: 'accruing',
    monthlyAccrual: 4,
  },
  {
    id: '77',
    name: 'Bereavement',
    units: 'days',
    color: '6a6a6a',
    icon: 'time-off-luggage',
    policyType: 'discretionary',
    monthlyAccrual: 0,
  },
  {
    id: '80',
    name: 'Parental Leave',
    units: 'days',
    color: '56afdd',
    icon: 'family',
    policyType: 'manual',
    monthlyAccrual: 0,
  },
  {
    id: '81',
    name: 'Comp/In Lieu Time',
    units: 'hours',
    color: 'b185da',
    icon: 'time-off-luggage',
    policyType: 'manual',
    monthlyAccrual: 0,
  },
];

const TIME_OFF_WEIGHTS: readonly [string, number][] = [
  ['78', 60],
  ['79', 25],
  ['77', 4],
  ['80', 3],
  ['81', 8],
];
const STATUS_WEIGHTS: readonly [TimeOffStatus, number][] = [
  ['approved', 70],
  ['requested', 12],
  ['denied', 5],
  ['canceled', 8],
  ['superceded', 5],
];

/** The earlier of two ISO dates (string order is date order). */
function earlierOf(a: string, b: string): string {
  return a.localeCompare(b) <= 0 ? a : b;
}

/** The later of two ISO dates (string order is date order). */
function laterOf(a: string, b: string): string {
  return a.localeCompare(b) >= 0 ? a : b;
}

/** Per-day amounts as BambooHR stores them: 8 h or 1 day per weekday, 0 on weekends, sometimes a half day. */
export function dailyAmounts(start: string, end: string, unit: 'hours' | 'days', halfLastDay = false) {
  const dates: Record<string, number> = {};
  for (let day = start; day <= end; day = addDays(day, 1)) {
    const full = unit === 'hours' ? 8 : 1;
    dates[day] = isWeekend(day) ? 0 : full;
  }
  if (halfLastDay && !isWeekend(end)) dates[end] = unit === 'hours' ? 4 : 0.5;
  return dates;
}

/**
 * A seeded company: `count` employees with a management tree, leavers (≈12 %), future hires (≈4 %), job and
 * employment-status history (some future-dated rows), compensation, and time off around "today" in hours and days.
 * Arrays only, no per-employee closures: 100,000 employees generate in about a second.
 */
export function populateSandboxCompany(company: Company, seed: number, count: number): void {
  const root = new SeededGenerator(seed);
  const people = root.fork('people');
  const jobs = root.fork('jobs');
  const timeOff = root.fork('time-off');
  const today = company.today();
  const now = company.now();
  company.types.push(...TIME_OFF_TYPES);
  company.holidays.push(
    { id: 2255, name: 'New Year Day', start: `${today.slice(0, 4)}-01-01`, end: `${today.slice(0, 4)}-01-01` },
    { id: 2256, name: 'Company Day', start: addDays(today, 10), end: addDays(today, 10) },
  );

  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const id = company.newEmployeeId();
    ids.push(id);
    const firstName = people.firstName();
    const lastName = people.lastName();
    const roll = people.next();
    // The first employees form the management spine: never leavers or future hires.
    // Indexes 5 and 6 guarantee one leaver and one future hire in any company of 7 or more.
    const kind =
      index < 5 ? 'active' : index === 5 || roll < 0.12 ? 'leaver' : index === 6 || roll < 0.16 ? 'future' : 'active';
    const hireDate =
      kind === 'future'
        ? addDays(today, people.int(1, 60))
        : randomDate(people, addDays(today, -3650), addDays(today, -30));
    const terminationDate = kind === 'leaver' ? randomDate(people, addDays(hireDate, 30), addDays(today, -1)) : null;
    const [location, division, country] = people.pick(LOCATIONS);
    const department = index === 0 ? 'Operations' : people.pick(DEPARTMENTS);
    const type = index < 5 ? 'Full-Time' : people.weightedPick(EMPLOYMENT_TYPES);
    // A tree: each employee reports to someone hired into the list before them.
    const managerIndex = index === 0 ? -1 : people.int(0, Math.max(0, Math.floor((index - 1) / 4)));
    const reportsToId = managerIndex >= 0 ? (ids[managerIndex] ?? null) : null;
    const employee: SandboxEmployee = {
      id,
      employeeNumber: String(1000 + index),
      firstName,
      lastName,
      middleName: people.chance(0.1) ? people.firstName() : null,
      preferredName: people.chance(0.08) ? people.firstName() : null,
      workEmail: people.email(firstName, lastName, `${company.domain}.example`, index),
      homeEmail: people.chance(0.6) ? people.email(firstName, lastName, 'home.example', index) : null,
      workPhone: people.chance(0.8) ? `801-555-${String(people.int(0, 9999)).padStart(4, '0')}` : null,
      mobilePhone: people.chance(0.6) ? `801-555-${String(people.int(0, 9999)).padStart(4, '0')}` : null,
      homePhone: people.chance(0.3) ? `801-555-${String(people.int(0, 9999)).padStart(4, '0')}` : null,
      hireDate,
      originalHireDate: people.chance(0.05) ? addDays(hireDate, -people.int(400, 2000)) : null,
      terminationDate,
      dateOfBirth: people.chance(0.95) ? randomDate(people, '1960-01-01', '2004-12-31') : null,
      gender: people.pick(['Female', 'Male', 'Non-binary', null]),
      maritalStatus: people.pick(['Single', 'Married', null]),
      address1: `${people.int(1, 999)} Main Street`,
      city: location.split(',')[0] ?? null,
      state: people.chance(0.7) ? people.pick(['Utah', 'California', 'New South Wales', 'British Columbia']) : null,
      zipcode: String(people.int(10000, 99999)),
      country,
      jobInfo: [],
      employmentStatus: [],
      compensation: [],
      createdAt: Date.parse(`${hireDate}T00:00:00Z`) - 86_400_000 * 14,
      lastChanged: people.instant(now - 400 * 86_400_000, now),
    };
    if (employee.createdAt > employee.lastChanged) employee.createdAt = employee.lastChanged;
    const titles = TITLES[department] ?? ['Specialist'];
    employee.jobInfo.push({
      id: company.newRowId(),
      date: hireDate,
      jobTitle: jobs.pick(titles),
      department,
      location,
      division,
      reportsToId,
    });
    if (kind === 'active' && jobs.chance(0.3)) {
      // A promotion, occasionally future-dated (onlyCurrent=true must not show it yet).
      const date = jobs.chance(0.15)
        ? addDays(today, jobs.int(5, 60))
        : randomDate(jobs, addDays(hireDate, 1), addDays(today, -1));
      if (date > hireDate)
        employee.jobInfo.push({
          id: company.newRowId(),
          date,
          jobTitle: `Senior ${jobs.pick(titles)}`,
          department,
          location,
          division,
          reportsToId,
        });
    }
    const firstType = type === 'Full-Time' && jobs.chance(0.15) ? 'Part-Time' : type;
    employee.employmentStatus.push({
      id: company.newRowId(),
      date: hireDate,
      employmentStatus: firstType,
      comment: null,
      terminationReasonId: null,
    });
    if (firstType !== type) {
      const date = randomDate(jobs, addDays(hireDate, 1), addDays(today, -1));
      if (date > hireDate)
        employee.employmentStatus.push({
          id: company.newRowId(),
          date,
          employmentStatus: type,
          comment: 'Moved to full time',
          terminationReasonId: null,
        });
      else employee.employmentStatus[0]!.employmentStatus = type;
    }
    if (terminationDate)
      employee.employmentStatus.push({
        id: company.newRowId(),
        date: terminationDate,
        employmentStatus: 'Terminated',
        comment: null,
        terminationReasonId: jobs.pick(['Resignation (Voluntary)', 'Termination (Involuntary)']),
      });
    const hourly = type === 'Part-Time' || type === 'Intern' || type === 'Working Student';
    employee.compensation.push({
      id: company.newRowId(),
      startDate: hireDate,
      rate: {
        value: hourly ? `${jobs.int(15, 40)}.00` : `${jobs.int(40, 180) * 1000}.00`,
        currency: country === 'United Kingdom' ? 'GBP' : country === 'Australia' ? 'AUD' : 'USD',
      },
      type: hourly ? 'Hourly' : 'Salary',
      paidPer: hourly ? 'Hour' : 'Year',
      reason: null,
    });
    company.add(employee, false);
    generateTimeOff(company, timeOff, employee, today);
  }
}

function generateTimeOff(company: Company, random: SeededGenerator, employee: SandboxEmployee, today: string): void {
  if (employee.hireDate > today) return;
  const count = random.int(0, 3);
  for (let index = 0; index < count; index++) {
    const type = company.typeById(random.weightedPick(TIME_OFF_WEIGHTS))!;
    const start = randomDate(random, addDays(today, -120), addDays(today, 90));
    if (start < employee.hireDate) continue;
    const end = addDays(start, random.int(0, 4));
    if (employee.terminationDate && end >= employee.terminationDate) continue;
    const status = random.weightedPick(STATUS_WEIGHTS);
    // Requested some days ahead, never after today.
    const created = earlierOf(addDays(start, -random.int(3, 40)), today);
    const request: SandboxTimeOffRequest = {
      id: company.newRequestId(),
      employeeId: employee.id,
      typeId: type.id,
      start,
      end,
      created: laterOf(created, employee.hireDate),
      status,
      lastChanged: created,
      lastChangedByUserId: String(2300 + random.int(1, 50)),
      unit: type.units,
      dates: dailyAmounts(start, end, type.units, random.chance(0.15)),
      notes: random.chance(0.4)
        ? { employee: random.pick(['Family trip', 'Doctor appointment', 'Moving house', 'Wedding']) }
        : {},
      previousRequest: null,
    };
    company.addRequest(request);
    if (status === 'superceded') {
      // An edited request replaces the superceded one.
      const newEnd = addDays(end, 1);
      const replacement: SandboxTimeOffRequest = {
        ...request,
        id: company.newRequestId(),
        end: newEnd,
        status: 'approved',
        dates: dailyAmounts(start, newEnd, type.units),
        previousRequest: request.id,
      };
      if (!employee.terminationDate || newEnd < employee.terminationDate) company.addRequest(replacement);
    }
  }
}

/** Sum of approved amounts of one type for an employee from `from` to `to` (inclusive). */
export function usedBetween(company: Company, employeeId: string, typeId: string, from: string, to: string): number {
  let used = 0;
  for (const request of company.requestsOf(employeeId)) {
    if (request.typeId !== typeId || request.status !== 'approved') continue;
    for (const [day, amount] of Object.entries(request.dates)) if (day >= from && day <= to) used += amount;
  }
  return used;
}

export { rowInForce };
