import { addDays, SeededGenerator, UniqueIdIssuer } from '@hrkit/sandbox-kit';
import type { RawAcmeEmployee } from '../raw/employee.js';
import type { RawAcmeLeave } from '../raw/leave.js';

// #region sandbox-company
/** A generated Acme company, in Acme's own wire format. Same seed, same company. */
export interface AcmeCompany {
  employees: RawAcmeEmployee[];
  leave: RawAcmeLeave[];
}

const TEAMS = [
  { id: 't-eng', name: 'Engineering' },
  { id: 't-ops', name: 'Operations' },
  { id: 't-ppl', name: 'People' },
];

export function generateAcmeCompany(options: { seed: number; employees: number; today: string }): AcmeCompany {
  const random = new SeededGenerator(options.seed);
  const people = random.fork('employees');
  const ids = new UniqueIdIssuer(people, 7);
  const employees: RawAcmeEmployee[] = [];
  for (let index = 0; index < options.employees; index++) {
    const given = people.firstName();
    const family = people.lastName();
    const status = people.weightedPick([
      ['ACTIVE', 14],
      ['ONBOARDING', 1],
      ['ON_LEAVE', 1],
      ['LEFT', 4],
    ] as const);
    const startedOn = people.date(addDays(options.today, -2_500), addDays(options.today, -10));
    employees.push({
      emp_id: ids.next(),
      given_name: given,
      family_name: family,
      work_email: people.email(given, family, 'acme.example', index),
      job_title: people.pick(['Engineer', 'Analyst', 'Manager', 'Recruiter']),
      team: people.pick(TEAMS),
      manager_emp_id: index === 0 ? null : (employees[people.int(0, index - 1)]?.emp_id ?? null),
      status,
      contract: people.weightedPick([
        ['FULL_TIME', 12],
        ['PART_TIME', 3],
        ['CONTRACTOR', 2],
        ['INTERN', 1],
      ] as const),
      started_on: startedOn,
      left_on: status === 'LEFT' ? people.date(addDays(startedOn, 1), addDays(options.today, -1)) : null,
      updated_at: `${addDays(options.today, -people.int(0, 90))}T08:00:00Z`,
    });
  }
  const absences = random.fork('leave');
  const leave: RawAcmeLeave[] = employees.flatMap((employee) =>
    Array.from({ length: absences.int(0, 3) }, (_, index) => {
      const firstDay = absences.date(addDays(options.today, -120), addDays(options.today, 120));
      const days = absences.int(1, 10);
      return {
        leave_id: `LV-${employee.emp_id}-${index}`,
        emp_id: employee.emp_id,
        kind: absences.weightedPick([
          ['HOLIDAY', 8],
          ['SICK', 3],
          ['PARENTAL', 1],
          ['UNPAID', 1],
        ] as const),
        state: absences.weightedPick([
          ['APPROVED', 7],
          ['PENDING', 2],
          ['REJECTED', 1],
          ['CANCELLED', 1],
        ] as const),
        first_day: firstDay,
        last_day: addDays(firstDay, days - 1),
        days,
        created_at: `${addDays(firstDay, -20)}T10:00:00Z`,
        updated_at: `${addDays(firstDay, -19)}T10:00:00Z`,
      };
    }),
  );
  return { employees, leave };
}
// #endregion sandbox-company
