import {
  type PersonioCompany,
  personioDate,
  type SandboxAbsencePeriod,
  type SandboxEmployee,
  type SandboxTimeOff,
  type SandboxTimeOffType,
} from './company.js';

/** An employee as the credential sees it: attributes outside its whitelist are left out, not nulled. */
export function employeeJson(row: SandboxEmployee, hidden: readonly string[]) {
  const attributes = Object.fromEntries(Object.entries(row.attributes).filter(([key]) => !hidden.includes(key)));
  return { type: 'Employee', attributes };
}

/** The short employee inside absences: the id nested in a typed attribute, plus names. */
function shortEmployee(company: PersonioCompany, id: number) {
  const found = company.employees.find((row) => row.id === id);
  const pick = (key: string) => found?.attributes[key] ?? null;
  return {
    type: 'Employee',
    attributes: {
      id: { label: 'ID', value: id, type: 'integer', universal_id: 'id' },
      first_name: pick('first_name'),
      last_name: pick('last_name'),
    },
  };
}

export const typeJson = (type: SandboxTimeOffType) => ({ type: 'TimeOffType', attributes: type });

/** Day-based: local midnights with an offset without a colon, half-day flags as 0/1, fractional day counts. */
export function timeOffJson(t: SandboxTimeOff, company: PersonioCompany) {
  const type = company.types.find((candidate) => candidate.id === t.typeId);
  return {
    type: 'TimeOffPeriod',
    attributes: {
      id: t.id,
      id_v2: t.id_v2,
      status: t.status,
      comment: '',
      start_date: personioDate(t.first, false),
      end_date: personioDate(t.last, false),
      days_count: t.days,
      half_day_start: t.halfDayStart,
      half_day_end: t.halfDayEnd,
      time_off_type: { type: 'TimeOffType', attributes: { id: t.typeId, name: type?.name, category: type?.category } },
      employee: shortEmployee(company, t.employeeId),
      created_by: 'API',
      certificate: { status: 'not-required' },
      created_at: t.updatedAt,
      updated_at: t.updatedAt,
    },
  };
}

/** Hour-based: UTC instants (Berlin midnight is 22:00 or 23:00 UTC the day before), minutes, local breakdowns. */
export function absencePeriodJson(p: SandboxAbsencePeriod, company: PersonioCompany) {
  const type = company.types.find((candidate) => candidate.id === p.typeId);
  const utc = (date: string) => new Date(Date.parse(personioDate(date))).toISOString();
  const first = p.breakdowns[0]?.date ?? '';
  const last = p.breakdowns.at(-1)?.date ?? first;
  return {
    id: p.id,
    type: 'AbsencePeriod',
    attributes: {
      id: p.id,
      measurement_unit: 'hour',
      effective_duration: p.breakdowns.reduce((sum, day) => sum + day.effective_duration, 0),
      employee: shortEmployee(company, p.employeeId),
      absence_type: {
        type: 'AbsenceType',
        attributes: { id: type?.id_v2, name: type?.name, time_off_type_id: p.typeId },
      },
      certificate: { status: 'not-required' },
      start: utc(first),
      end: utc(last),
      half_day_start: false,
      half_day_end: false,
      comment: null,
      origin: 'web',
      status: p.status,
      timezone: 'Europe/Berlin',
      created_by: p.employeeId,
      created_at: p.updatedAt,
      updated_at: p.updatedAt,
      approved_at: null,
      breakdowns: p.breakdowns,
    },
  };
}
