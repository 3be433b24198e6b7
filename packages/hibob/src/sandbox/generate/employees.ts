import { SeededGenerator, UniqueIdIssuer } from '@hrkit/sandbox-kit';
import {
  COST_CENTER_FIELD_ID,
  EMPLOYMENT_TYPE_FIELD_ID,
  EMPLOYMENT_TYPE_ITEMS,
  type EmploymentTypeLabel,
} from '../data/custom-fields.js';
import { COUNTRIES, leafDepartments, SITES, TITLES } from '../data/named-lists.js';
import { addDays, bobTimestamp, dayNumber, pickDate } from '../state/time.js';
import type { BobEmployee } from '../state/types.js';

/** Share of each population; the rest are employed. */
export const POPULATION = { leavers: 0.12, hiredNotStarted: 0.03, onLeave: 0.03, promoted: 0.25 } as const;

// Weighted choices, hoisted so 100,000 draws allocate nothing.
const POPULATION_WEIGHTS: ReadonlyArray<readonly ['leaver' | 'hired' | 'leave' | 'employed', number]> = [
  ['leaver', POPULATION.leavers],
  ['hired', POPULATION.hiredNotStarted],
  ['leave', POPULATION.onLeave],
  ['employed', 1 - POPULATION.leavers - POPULATION.hiredNotStarted - POPULATION.onLeave],
];
const CONTRACT_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['3001', 80],
  ['3002', 15],
  ['3003', 5],
];
const EMPLOYMENT_TYPE_WEIGHTS: ReadonlyArray<readonly [EmploymentTypeLabel | null, number]> = [
  ['Direct Employee', 50],
  ['Contractor', 20],
  ['EOR', 20],
  [null, 10],
];
const GENDER_WEIGHTS: ReadonlyArray<readonly [string | null, number]> = [
  ['6001', 48],
  ['6002', 48],
  ['6003', 2],
  [null, 2],
];
const PAYROLL_TYPE_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['2001', 75],
  ['2002', 10],
  ['2003', 10],
  ['2004', 5],
];

const HOBBIES = ['Animals', 'Cooking', 'Cycling', 'Music', 'Reading', 'Travel', 'Yoga'];
const PRONOUNS = ['He / Him', 'She / Her', 'They / Them'];

/**
 * Generates `count` people for a company as of `today`: one CEO at the top of the manager tree,
 * leavers with past termination dates, hired-not-started people (future start), people on leave,
 * every Remotepass employment type (plus some unset) and payroll type/contract values.
 */
export function generateEmployees(input: {
  random: SeededGenerator;
  count: number;
  today: string;
  nowMs: number;
  domain: string;
}): BobEmployee[] {
  const { random, count, today, nowMs, domain } = input;
  const ids = new UniqueIdIssuer(random.fork('employee-ids'));
  const departments = leafDepartments();
  const titles = TITLES.slice(1);
  const usedEmails = new Set<string>();
  const employees: BobEmployee[] = [];

  for (let index = 0; index < count; index++) {
    const ceo = index === 0;
    const firstName = random.firstName();
    const surname = random.lastName();
    let email = random.email(firstName, surname, domain);
    if (usedEmails.has(email)) email = random.email(firstName, surname, domain, index + 1);
    usedEmails.add(email);

    const population = ceo ? 'employed' : random.weightedPick(POPULATION_WEIGHTS);
    const startDate =
      population === 'hired'
        ? addDays(today, random.int(3, 60))
        : ceo
          ? addDays(today, -8 * 365)
          : pickDate(random, addDays(today, -10 * 365), addDays(today, -45));
    const terminationDate =
      population === 'leaver' ? pickDate(random, addDays(startDate, 30), addDays(today, -1)) : null;
    const createdMs = Math.min(
      nowMs - 3_600_000,
      (dayNumber(startDate) - random.int(7, 45)) * 86_400_000 + random.int(0, 86_399_999),
    );
    const site = random.pick(SITES);
    const promoted = !ceo && population !== 'hired' && random.chance(POPULATION.promoted);
    const changeDate = promoted ? randomDateBetween(random, addDays(startDate, 180), terminationDate ?? today) : null;
    const contract = random.weightedPick(CONTRACT_WEIGHTS);
    const employmentType = random.weightedPick(EMPLOYMENT_TYPE_WEIGHTS);
    const custom: Record<string, unknown> = {};
    if (employmentType) custom[EMPLOYMENT_TYPE_FIELD_ID] = EMPLOYMENT_TYPE_ITEMS[employmentType];
    if (random.chance(0.7)) custom[COST_CENTER_FIELD_ID] = `CC-${random.int(100, 999)}`;
    const department = ceo ? '209192190' : random.pick(departments).id;
    const title = ceo ? TITLES[0]!.id : random.pick(titles).id;

    employees.push({
      seq: index + 1,
      id: ids.next(),
      idInCompany: index + 1,
      firstName,
      surname,
      secondName: random.chance(0.15) ? random.firstName() : null,
      email,
      creationDateTime: bobTimestamp(createdMs),
      birthDate: random.chance(0.9) ? pickDate(random, addDays(today, -62 * 365), addDays(today, -20 * 365)) : null,
      legalGender: random.weightedPick(GENDER_WEIGHTS),
      pronouns: random.chance(0.6) ? random.pick(PRONOUNS) : null,
      nationality: random.chance(0.85) ? [random.pick(COUNTRIES).id] : [],
      hobbies: random.chance(0.5) ? random.shuffle(HOBBIES).slice(0, random.int(1, 3)) : [],
      privateEmail: random.chance(0.6) ? random.email(firstName, surname, 'mail.example.com', index + 1) : null,
      mobilePhone: random.chance(0.7) ? `+44 7${String(random.int(100_000_000, 999_999_999))}` : null,
      city: site.name === 'Remote' ? null : site.name,
      country: site.country,
      title,
      department,
      siteId: site.id,
      managerId: null,
      startDate,
      lifecycle: population === 'leave' ? 'leave' : 'employed',
      leaveStartDate: population === 'leave' ? pickDate(random, addDays(today, -90), addDays(today, -1)) : null,
      terminationDate,
      terminationReason: terminationDate ? random.pick(['1001', '1001', '1002', '1003', '1004']) : null,
      terminationType: terminationDate ? random.pick(['4001', '4001', '4002']) : null,
      probationEndDate: addDays(startDate, 90),
      payrollType: random.weightedPick(PAYROLL_TYPE_WEIGHTS),
      contract,
      weeklyHours: contract === '3002' ? 24 : 40,
      fte: contract === '3002' ? 60 : 100,
      custom,
      extra: {},
      previousTitle: changeDate ? random.pick(titles).id : null,
      previousDepartment: changeDate && random.chance(0.3) ? random.pick(departments).id : null,
      changeDate,
      tables: {},
      ext: {},
    });
  }
  assignManagers(random.fork('managers'), employees, today);
  return employees;
}

function randomDateBetween(random: SeededGenerator, from: string, to: string): string | null {
  return from < to ? pickDate(random, from, to) : null;
}

/**
 * One CEO (index 0, no manager); everyone else reports to an earlier, current employee, biased
 * towards the first people so the tree has a realistic depth.
 */
function assignManagers(random: SeededGenerator, employees: BobEmployee[], today: string): void {
  const eligible: BobEmployee[] = [];
  for (const employee of employees) {
    if (eligible.length > 0) {
      const roll = random.next();
      employee.managerId = eligible[Math.floor(roll * roll * eligible.length)]!.id;
    }
    if (employee.terminationDate === null && employee.startDate <= today) eligible.push(employee);
  }
}
