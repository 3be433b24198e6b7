import { addDays, SeededGenerator, UniqueIdIssuer } from '@hrkit/sandbox-kit';

/**
 * A generated Personio company in Personio's v1 wire format (typed attribute objects, integer ids, dates as local
 * midnight with an offset, half-day flags as 0/1). Same seed, same company. Behaviour: docs/providers/personio.md.
 */
export interface SandboxAttribute {
  label: string;
  value: unknown;
  type: string;
  universal_id: string | null;
}
export interface SandboxEmployee {
  id: number;
  attributes: Record<string, SandboxAttribute>;
  /** Bookkeeping for filters and ground truth, never served. */
  status: 'active' | 'inactive' | 'onboarding' | 'leave';
  modifiedAt: string;
}
export interface SandboxTimeOff {
  id: number;
  id_v2: string;
  employeeId: number;
  typeId: number;
  status: 'approved' | 'pending' | 'requested';
  first: string;
  last: string;
  halfDayStart: 0 | 1;
  halfDayEnd: 0 | 1;
  days: number;
  updatedAt: string;
}
export interface SandboxAbsencePeriod {
  id: string;
  employeeId: number;
  typeId: number;
  status: 'approved' | 'pending';
  /** Local days with minutes each. */
  breakdowns: { date: string; effective_duration: number }[];
  updatedAt: string;
}
export interface SandboxTimeOffType {
  id: number;
  id_v2: string;
  name: string;
  category: string | null;
  unit: 'day' | 'hour';
  approval_required: boolean;
}
export interface PersonioCompany {
  employees: SandboxEmployee[];
  timeOffs: SandboxTimeOff[];
  absencePeriods: SandboxAbsencePeriod[];
  types: SandboxTimeOffType[];
  /** The customer's category attribute: its key differs per company, its label is the customer's. */
  category: { key: string; label: string };
}

export const CATEGORY_LABEL = 'Employment category';
const DEPARTMENTS = ['Engineering', 'Customer Support', 'People', 'Sales'];
const OFFICES = ['Munich', 'Berlin', 'Madrid'];

/** Local midnight in Germany, written the way Personio writes it: `2024-03-01T00:00:00+01:00` (or `+0100`). */
export function personioDate(date: string, colon = true): string {
  const month = Number(date.slice(5, 7));
  const summer = month > 3 && month < 11;
  const offset = summer ? '+02:00' : '+01:00';
  return `${date}T00:00:00${colon ? offset : offset.replace(':', '')}`;
}

export function uuid(random: SeededGenerator): string {
  const hex = (length: number) => Array.from({ length }, () => random.int(0, 15).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}

const attribute = (label: string, value: unknown, type = 'standard', universal: string | null = null) => ({
  label,
  value,
  type,
  universal_id: universal,
});
const named = (type: string, id: number, name: string) => ({ type, attributes: { id, name } });

export function generatePersonioCompany(options: { seed: number; employees: number; today: string }): PersonioCompany {
  const random = new SeededGenerator(options.seed);
  const people = random.fork('employees');
  const ids = new UniqueIdIssuer(people, 7);
  const category = { key: `dynamic_${people.int(10_000, 999_999)}`, label: CATEGORY_LABEL };
  const types: SandboxTimeOffType[] = [
    { id: 113_437, name: 'Paid vacation', category: 'paid_vacation', unit: 'day', approval_required: true },
    { id: 113_438, name: 'Sick leave', category: 'sick_leave', unit: 'day', approval_required: false },
    { id: 113_439, name: 'Parental leave', category: 'maternity_parental_leave', unit: 'day', approval_required: true },
    { id: 113_440, name: 'Doctor appointment', category: 'other', unit: 'hour', approval_required: true },
    { id: 113_441, name: 'Home office', category: 'offsite_work', unit: 'hour', approval_required: false },
  ].map((type) => ({ ...type, id_v2: uuid(people) }) as SandboxTimeOffType);
  const employees: SandboxEmployee[] = [];
  for (let index = 0; index < options.employees; index++) {
    const [first, last] = [people.firstName(), people.lastName()];
    const status = people.weightedPick([
      ['active', 14],
      ['onboarding', 1],
      ['leave', 1],
      ['inactive', 4],
    ] as const);
    const hire =
      status === 'onboarding'
        ? people.date(addDays(options.today, 1), addDays(options.today, 60))
        : people.date(addDays(options.today, -2_500), addDays(options.today, -30));
    const leaving = status === 'inactive' || (status === 'active' && people.chance(0.05));
    const termination = leaving
      ? status === 'inactive'
        ? people.date(addDays(hire, 1), addDays(options.today, -1))
        : people.date(addDays(options.today, 1), addDays(options.today, 90))
      : null;
    const external = people.chance(0.2);
    const supervisor = index === 0 ? null : employees[people.int(0, index - 1)];
    const id = Number(ids.next());
    const modifiedAt = `${addDays(options.today, -people.int(0, 90))}T09:30:00+01:00`;
    employees.push({
      id,
      status,
      modifiedAt,
      attributes: {
        id: attribute('ID', id, 'integer', 'id'),
        first_name: attribute('First name', first, 'standard', 'first_name'),
        last_name: attribute('Last name', last, 'standard', 'last_name'),
        preferred_name: attribute('Name (preferred)', `${first} ${last}`, 'standard', 'preferred_name'),
        email: attribute('Email', people.email(first, last, 'personio.example', index), 'standard', 'email'),
        position: attribute(
          'Position',
          people.pick(['Engineer', 'Analyst', 'Manager', 'Recruiter']),
          'standard',
          'position',
        ),
        status: attribute('Status', status, 'standard', 'status'),
        employment_type: attribute(
          'Employment type',
          external ? 'external' : 'internal',
          'standard',
          'employment_type',
        ),
        // A string, as Personio's examples send it.
        weekly_working_hours: attribute('Weekly hours', String(people.pick([40, 40, 40, 32, 20])), 'standard'),
        supervisor: attribute(
          'Supervisor',
          supervisor ? { type: 'Employee', attributes: { id: attribute('ID', supervisor.id, 'integer', 'id') } } : null,
        ),
        hire_date: attribute('Hire date', personioDate(hire), 'date', 'hire_date'),
        termination_date: attribute('Termination date', termination ? personioDate(termination) : null, 'date'),
        termination_type: attribute('Termination type', termination ? 'resignation' : ''),
        department: attribute(
          'Department',
          named('Department', 281_521 + (index % 4), DEPARTMENTS[index % 4] as string),
        ),
        office: attribute('Office', named('Office', 131_014 + (index % 3), OFFICES[index % 3] as string)),
        subcompany: attribute('Subcompany', named('Subcompany', 7033, 'Sandbox GmbH')),
        cost_centers: attribute(
          'Cost center',
          people.chance(0.5)
            ? [{ type: 'CostCenter', attributes: { id: 82_957, name: 'Cost center 1', percentage: 100 } }]
            : [],
          'list',
        ),
        last_modified_at: attribute('Last modified', modifiedAt, 'date'),
        [category.key]: attribute(
          CATEGORY_LABEL,
          external
            ? people.pick(['Contractor', 'EOR'])
            : people.pick(['Direct Employee', 'Direct Employee', 'Working Student']),
          'list',
        ),
      },
    });
  }
  const absences = random.fork('absences');
  const timeOffs: SandboxTimeOff[] = [];
  const absencePeriods: SandboxAbsencePeriod[] = [];
  let nextTimeOffId = 149_000_000 + absences.int(0, 9_999) * 100;
  for (const employee of employees)
    for (let count = absences.int(0, 4); count > 0; count--) {
      const first = absences.date(addDays(options.today, -120), addDays(options.today, 120));
      const span = absences.int(1, 6);
      const updatedAt = `${addDays(first, -absences.int(1, 30))}T10:32:18+0100`;
      if (absences.chance(0.25)) {
        const type = absences.pick(types.filter((t) => t.unit === 'hour'));
        const breakdowns = Array.from({ length: Math.min(span, 2) }, (_, day) => ({
          date: addDays(first, day),
          effective_duration: absences.pick([60, 120, 240, 480]),
        }));
        absencePeriods.push({
          id: uuid(absences),
          employeeId: employee.id,
          typeId: type.id,
          status: absences.chance(0.8) ? 'approved' : 'pending',
          breakdowns,
          updatedAt,
        });
        continue;
      }
      const type = absences.pick(types.filter((t) => t.unit === 'day'));
      const [halfDayStart, halfDayEnd] =
        span === 1 ? [0, absences.chance(0.2) ? 1 : 0] : [absences.chance(0.2) ? 1 : 0, absences.chance(0.2) ? 1 : 0];
      timeOffs.push({
        id: nextTimeOffId++,
        id_v2: uuid(absences),
        employeeId: employee.id,
        typeId: type.id,
        status: absences.weightedPick([
          ['approved', 7],
          ['pending', 2],
          ['requested', 1],
        ] as const),
        first,
        last: addDays(first, span - 1),
        halfDayStart: halfDayStart as 0 | 1,
        halfDayEnd: halfDayEnd as 0 | 1,
        days: span - 0.5 * (halfDayStart + halfDayEnd),
        updatedAt,
      });
    }
  return { employees, timeOffs, absencePeriods, types, category };
}
