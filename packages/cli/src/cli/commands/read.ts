import type { Connection, TimeOffBalancesOptions } from '@hrkit/core';
import type { Command } from 'commander';
import { type ConnectionFlags, openConnection } from '../connect.js';
import type { CommandContext } from '../context.js';
import { CliError } from '../errors.js';
import { addConnectionOptions, addFormatOption } from '../options.js';
import {
  ABSENCE_COLUMNS,
  BALANCE_COLUMNS,
  type Column,
  EMPLOYEE_COLUMNS,
  POLICY_COLUMNS,
  REQUEST_COLUMNS,
  scalarColumns,
} from '../output/columns.js';
import { ProgressLine } from '../output/progress.js';
import { type OutputFormat, writeRecords } from '../output/render.js';

type ReadFlags = ConnectionFlags & {
  format: OutputFormat;
  from?: string;
  to?: string;
  asOf?: string;
  date?: string;
  employee?: string[];
  policy?: string[];
  includeInactive?: boolean;
  includeSensitive?: boolean;
  includePending?: boolean;
  includeRaw?: boolean;
};

/** Open, read, print, close: every read command is this with a different stream and columns. */
async function read<T extends object>(
  ctx: CommandContext,
  provider: string,
  flags: ReadFlags,
  open: (connection: Connection) => AsyncIterable<T>,
  columns: Column<T>[] | ((first: T) => Column<T>[]),
): Promise<void> {
  const opened = await openConnection(provider, flags, ctx.io);
  // Long listings (100k employees) stream for a while: show a running count on a terminal's stderr only.
  const progress = new ProgressLine(ctx.io.stderr, Boolean(ctx.io.stderr.isTTY) && !ctx.quiet);
  try {
    const count = await writeRecords(counted(open(opened.connection), progress), flags.format, columns, (text) =>
      ctx.io.stdout.write(text),
    );
    progress.done();
    if (!ctx.quiet && flags.format === 'table') ctx.io.stderr.write(`${count} record(s)\n`);
  } finally {
    progress.done();
    await opened.close();
  }
}

async function* counted<T>(records: AsyncIterable<T>, progress: ProgressLine): AsyncIterable<T> {
  let read = 0;
  for await (const record of records) {
    progress.update('reading', ++read, null);
    yield record;
  }
}

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

function checkedDate(value: string, flag: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new CliError(`${flag} must be a date YYYY-MM-DD (got "${value}")`);
  return value;
}

function range(flags: ReadFlags, defaultDays: number): { from: string; to: string } {
  const from = checkedDate(flags.from ?? todayUtc(), '--from');
  const to = flags.to
    ? checkedDate(flags.to, '--to')
    : new Date(Date.parse(from) + defaultDays * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}

export function registerReads(program: Command, context: () => CommandContext): void {
  const employees = program
    .command('employees')
    .description('list employees (normalized)')
    .argument('<provider>', 'hibob | bamboohr')
    .option('--include-inactive', 'include leavers and inactive people')
    .option('--include-sensitive', 'read date of birth, gender, nationality, home address (when granted)')
    .option('--include-raw', "attach the provider's untouched payload (json/jsonl)");
  addFormatOption(addConnectionOptions(employees)).action((provider: string, flags: ReadFlags) =>
    read(
      context(),
      provider,
      flags,
      (c) =>
        c.employees.list({
          includeInactive: flags.includeInactive,
          includeSensitive: flags.includeSensitive,
          includeRaw: flags.includeRaw,
        }),
      EMPLOYEE_COLUMNS,
    ),
  );

  const timeOff = program
    .command('time-off')
    .description("time off: requests, who's out, out today, balances, policies")
    .argument('<provider>', 'hibob | bamboohr')
    .argument('<what>', 'requests | whos-out | out-today | balances | policies')
    .option('--from <date>', 'start of the range, YYYY-MM-DD (default today)')
    .option('--to <date>', 'end of the range, YYYY-MM-DD (default from + 30 days)')
    .option('--as-of <date>', 'balances: the date, YYYY-MM-DD (default today)')
    .option('--date <date>', 'out-today: the day, YYYY-MM-DD (default the provider’s today)')
    .option('--employee <ids...>', 'balances: limit to these remote employee ids')
    .option('--policy <names...>', 'balances: limit to these policy / type names')
    .option('--include-pending', 'include requests not yet approved')
    .option('--include-raw', "attach the provider's untouched payload (json/jsonl)");
  addFormatOption(addConnectionOptions(timeOff)).action(async (provider: string, what: string, flags: ReadFlags) => {
    const ctx = context();
    const base = { includeRaw: flags.includeRaw };
    switch (what) {
      case 'requests':
        return read(
          ctx,
          provider,
          flags,
          (c) => c.timeOff.requests({ ...range(flags, 30), includePending: flags.includePending, ...base }),
          REQUEST_COLUMNS,
        );
      case 'whos-out':
        return read(
          ctx,
          provider,
          flags,
          (c) => c.timeOff.whosOut({ ...range(flags, 30), includePending: flags.includePending, ...base }),
          ABSENCE_COLUMNS,
        );
      case 'out-today':
        return read(ctx, provider, flags, (c) => c.timeOff.outToday({ date: flags.date, ...base }), ABSENCE_COLUMNS);
      case 'balances': {
        const options: TimeOffBalancesOptions = {
          asOf: flags.asOf,
          employeeIds: flags.employee,
          policies: flags.policy,
          ...base,
        };
        return read(ctx, provider, flags, (c) => c.timeOff.balances(options), BALANCE_COLUMNS);
      }
      case 'policies':
        return read(ctx, provider, flags, (c) => c.timeOff.policies(base), POLICY_COLUMNS);
      default:
        throw new CliError(`unknown time-off view "${what}": use requests, whos-out, out-today, balances or policies`);
    }
  });

  const compensation = program
    .command('compensation')
    .description('pay data (sensitive: this command is the explicit opt-in, includeCompensation)')
    .argument('<provider>', 'hibob | bamboohr')
    .option('--employee <ids...>', 'limit to these remote employee ids')
    .option('--include-raw', "attach the provider's untouched payload (json/jsonl)");
  addFormatOption(addConnectionOptions(compensation)).action((provider: string, flags: ReadFlags) =>
    read(
      context(),
      provider,
      flags,
      (c) =>
        c.compensation.list({ includeCompensation: true, employeeIds: flags.employee, includeRaw: flags.includeRaw }),
      scalarColumns,
    ),
  );

  const attendance = program
    .command('attendance')
    .description('attendance records (sensitive: this command is the explicit opt-in, includeAttendance)')
    .argument('<provider>', 'hibob | bamboohr')
    .option('--from <date>', 'start, YYYY-MM-DD (default today)')
    .option('--to <date>', 'end, YYYY-MM-DD (default from + 7 days)')
    .option('--employee <ids...>', 'limit to these remote employee ids')
    .option('--include-raw', "attach the provider's untouched payload (json/jsonl)");
  addFormatOption(addConnectionOptions(attendance)).action((provider: string, flags: ReadFlags) =>
    read(
      context(),
      provider,
      flags,
      (c) =>
        c.attendance.list({
          ...range(flags, 7),
          includeAttendance: true,
          employeeIds: flags.employee,
          includeRaw: flags.includeRaw,
        }),
      scalarColumns,
    ),
  );
}
