import { addDays } from './time.js';
import type { BobEmployee, TableName, TableRow } from './types.js';

/**
 * History rows of an employee. Until the control API writes a table, its rows are derived from the
 * employee record (no per-row objects kept for 100,000 people); the first write materializes them.
 */
export function tableRows(employee: BobEmployee, table: TableName): TableRow[] {
  return employee.tables[table] ?? deriveRows(employee, table);
}

/** Copies the derived rows into the employee so they can be edited. */
export function materialize(employee: BobEmployee, table: TableName): TableRow[] {
  let rows = employee.tables[table];
  if (!rows) {
    rows = deriveRows(employee, table);
    employee.tables[table] = rows;
  }
  return rows;
}

function row(employee: BobEmployee, n: number, effectiveDate: string, values: Record<string, unknown>): TableRow {
  // Derived ids stay below the ids the control API issues (counters.nextRowId starts at 50,000,001).
  return {
    id: employee.idInCompany * 100 + n,
    effectiveDate,
    modificationDate: effectiveDate,
    changedById: null,
    reason: null,
    values,
  };
}

function deriveRows(employee: BobEmployee, table: TableName): TableRow[] {
  switch (table) {
    case 'work': {
      const rows = [
        row(employee, 1, employee.startDate, {
          title: employee.previousTitle ?? employee.title,
          department: employee.previousDepartment ?? employee.department,
          siteId: employee.siteId,
          managerId: employee.managerId,
          workChangeType: '5001',
        }),
      ];
      if (employee.changeDate) {
        rows.push(
          row(employee, 2, employee.changeDate, {
            title: employee.title,
            department: employee.department,
            siteId: employee.siteId,
            managerId: employee.managerId,
            workChangeType: '5002',
          }),
        );
      }
      return rows;
    }
    case 'employment':
      return [
        row(employee, 11, employee.startDate, {
          type: employee.payrollType,
          contract: employee.contract,
          weeklyHours: employee.weeklyHours,
          fte: employee.fte,
        }),
      ];
    case 'lifecycle': {
      const hiredOn = employee.creationDateTime.slice(0, 10);
      const rows = [
        row(employee, 21, hiredOn < employee.startDate ? hiredOn : addDays(employee.startDate, -1), {
          status: 'hired',
          reasonType: null,
          leaveReason: null,
        }),
      ];
      rows.push(row(employee, 22, employee.startDate, { status: 'employed', reasonType: null, leaveReason: null }));
      if (employee.lifecycle === 'leave' && employee.leaveStartDate) {
        rows.push(
          row(employee, 23, employee.leaveStartDate, {
            status: 'leave',
            reasonType: null,
            leaveReason: 'Medical leave',
          }),
        );
      }
      if (employee.terminationDate) {
        rows.push(
          row(employee, 24, employee.terminationDate, {
            status: 'terminated',
            reasonType: employee.terminationType,
            leaveReason: employee.terminationReason,
          }),
        );
      }
      return rows;
    }
  }
}

/** Rows sorted by effective date, with `isCurrent` (latest row in effect today) and `endEffectiveDate`. */
export function withCurrency(
  rows: readonly TableRow[],
  today: string,
): Array<{ row: TableRow; isCurrent: boolean; endEffectiveDate: string | null }> {
  const sorted = [...rows].sort((a, b) =>
    a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : a.id - b.id,
  );
  let currentIndex = -1;
  sorted.forEach((entry, index) => {
    if (entry.effectiveDate <= today) currentIndex = index;
  });
  return sorted.map((entry, index) => {
    const next = sorted[index + 1];
    return {
      row: entry,
      isCurrent: index === currentIndex,
      endEffectiveDate: next ? addDays(next.effectiveDate, -1) : null,
    };
  });
}
