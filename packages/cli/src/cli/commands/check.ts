import type { DiagnosticsReport } from '@hrkit/core';
import type { Command } from 'commander';
import { type ConnectionFlags, openConnection } from '../connect.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { addConnectionOptions, addFormatOption } from '../options.js';
import { renderTable } from '../output/table.js';

const MARK: Record<string, string> = {
  ok: 'ok',
  missing: 'MISSING',
  degraded: 'degraded',
  error: 'ERROR',
  skipped: 'skipped',
};

export function registerCheck(program: Command, context: () => CommandContext): void {
  const command = program
    .command('check')
    .description("diagnose a connection: what works, what is missing, and the exact fix for the customer's admin")
    .argument('<provider>', 'hibob | bamboohr');
  addFormatOption(addConnectionOptions(command)).action(
    async (provider: string, flags: ConnectionFlags & { format: string }) => {
      const ctx = context();
      const opened = await openConnection(provider, flags, ctx.io);
      try {
        const report = await opened.connection.check();
        if (flags.format === 'json' || flags.format === 'jsonl')
          ctx.io.stdout.write(`${JSON.stringify(report, null, flags.format === 'json' ? 2 : 0)}\n`);
        else ctx.io.stdout.write(renderReport(report));
        // Exit 4 when something `required` is missing: scripts can gate on it.
        if (!report.ok) ctx.setExitCode(EXIT.PERMISSION);
      } finally {
        await opened.close();
      }
    },
  );
}

export function renderReport(report: DiagnosticsReport): string {
  const rows = report.checks.map((check) => [
    MARK[check.status] ?? check.status,
    check.severity,
    check.id,
    check.summary,
  ]);
  const lines = [
    `${report.provider} diagnostics (${report.checkedAt}): ${report.ok ? 'OK, every required check passed' : 'NOT OK, a required check failed'}`,
    '',
    renderTable(['status', 'severity', 'check', 'summary'], rows, 70).trimEnd(),
  ];
  const fixes = report.checks.filter((check) => check.status !== 'ok' && check.fix);
  if (fixes.length > 0) {
    lines.push('', "What the customer's admin must do:");
    for (const check of fixes) {
      lines.push(`- ${check.title} (${check.id}${check.severity === 'required' ? ', required' : ''})`);
      if (check.fix?.permission) lines.push(`    grant: ${check.fix.permission}`);
      for (const step of check.fix?.steps ?? []) lines.push(`    ${step}`);
      if (check.missingFields.length > 0) lines.push(`    missing fields: ${check.missingFields.join(', ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
