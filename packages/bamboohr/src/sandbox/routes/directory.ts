import { type SandboxRequest } from '@hrkit/sandbox-kit';
import type { SandboxContext } from '../context.js';
import { employeeValue } from '../view/employee-values.js';
import { bambooError, negotiate } from '../view/http.js';
import { fieldNode } from '../view/xml.js';

const DIRECTORY_FIELDS = [
  ['displayName', 'text', 'Display name'],
  ['firstName', 'text', 'First name'],
  ['lastName', 'text', 'Last name'],
  ['preferredName', 'text', 'Preferred name'],
  ['jobTitle', 'list', 'Job title'],
  ['workPhone', 'text', 'Work Phone'],
  ['mobilePhone', 'text', 'Mobile Phone'],
  ['workEmail', 'email', 'Work Email'],
  ['department', 'list', 'Department'],
  ['location', 'list', 'Location'],
  ['division', 'list', 'Division'],
  ['supervisor', 'employee', 'Manager'],
  ['photoUploaded', 'bool', 'Employee photo exists'],
] as const;

/** `GET /v1/employees/directory`: Active people only (future hires with onlyCurrent=false), can be disabled (403). */
export function directory(context: SandboxContext) {
  return (request: SandboxRequest) => {
    const key = context.keyOf(request);
    if (!key.directory || !context.company.directoryEnabled)
      return bambooError(403, 'The employee directory is not shared with this user');
    const today = context.company.today();
    const withFuture = request.query.get('onlyCurrent') === 'false';
    const employees: Record<string, unknown>[] = [];
    for (const employee of context.company.employees.values()) {
      if (context.company.statusOf(employee) !== 'Active') continue;
      if (employee.hireDate > today && !withFuture) continue;
      const job = context.company.job(employee);
      const manager = job?.reportsToId ? context.company.employees.get(job.reportsToId) : undefined;
      employees.push({
        id: employee.id,
        displayName: employeeValue(context.company, employee, 'displayName'),
        firstName: employee.firstName,
        lastName: employee.lastName,
        preferredName: employee.preferredName,
        jobTitle: job?.jobTitle ?? null,
        workPhone: employee.workPhone,
        mobilePhone: employee.mobilePhone,
        workEmail: employee.workEmail,
        department: job?.department ?? null,
        location: job?.location ?? null,
        division: job?.division ?? null,
        // The directory names the manager "First Last" and never gives an id.
        supervisor: manager ? `${manager.firstName} ${manager.lastName}` : null,
        photoUploaded: false,
        canUploadPhoto: 1,
      });
    }
    if (employees.length === 0) return bambooError(404, 'The directory is empty');
    const fields = [
      ...DIRECTORY_FIELDS.map(([id, type, name]) => ({ id, type, name })),
      { type: 'bool', name: '', id: 'canUploadPhoto' },
    ];
    return negotiate(request, { fields, employees }, () => ({
      name: 'directory',
      children: [
        {
          name: 'fieldset',
          children: fields.map((f) => ({ name: 'field', attributes: { id: f.id }, children: [f.name] })),
        },
        {
          name: 'employees',
          children: employees.map((e) => ({
            name: 'employee',
            attributes: { id: String(e.id) },
            children: Object.entries(e)
              .filter(([k]) => k !== 'id')
              .map(([k, v]) => fieldNode(k, v)),
          })),
        },
      ],
    }));
  };
}
