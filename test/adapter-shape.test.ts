import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Every adapter has the same top-level files with the same roles (docs/architecture.md, "the adapter shape"), so
 * a contributor who knows one knows them all. Add an adapter here once it has the shape.
 */
const ADAPTERS: readonly string[] = ['examples/acme-hr', 'packages/bamboohr', 'packages/personio', 'packages/hibob'];

/** The roles: `name.ts` is a file, `name/` a folder with at least one .ts file. */
const ADAPTER_ROLES: readonly string[] = [
  'config.ts', // provider key, declared credentials, connection schema (env fallbacks)
  'options.ts', // plugin options, zod-validated
  'capabilities.ts', // declareCapabilities({...})
  'errors.ts', // the provider's error format → typed errors
  'client.ts', // the provider's endpoints on core's HttpClient
  'connector.ts', // HrConnectorV1: one line per capability, delegating to readers/
  'readers/', // readers/<entity>.ts: paging + mapping of one entity
  'mapping/', // mapping/<record>.ts: raw → one model record, pure
  'raw/', // raw/<payload>.ts: lenient zod schemas of the provider's payloads
  'check.ts', // check(): a probe table for core's runProbes
  'webhooks.ts', // verification over raw bytes + event parsing
  'module.ts', // defineProvider({...}): the plugin
  'sandbox/', // a provider-compatible server for tests and `hrkit … --sandbox`
  'index.ts', // the public names, listed explicitly
  'internal.ts', // the parts, for the adapter's own tests
];

const root = fileURLToPath(new URL('../', import.meta.url));

/** The roles `srcDirectory` lacks, and what is wrong with its index. */
function shapeProblems(srcDirectory: string): string[] {
  const problems: string[] = [];
  for (const role of ADAPTER_ROLES) {
    const path = join(srcDirectory, role);
    if (role.endsWith('/')) {
      const isFolder = existsSync(path) && statSync(path).isDirectory();
      if (!isFolder || !readdirSync(path).some((name) => name.endsWith('.ts')))
        problems.push(`missing ${role} (a folder of .ts files)`);
    } else if (!existsSync(path)) problems.push(`missing ${role}`);
  }
  const index = join(srcDirectory, 'index.ts');
  if (existsSync(index) && /export \* from/.test(readFileSync(index, 'utf8')))
    problems.push('index.ts re-exports a whole module (`export * from`): list the public names instead');
  return problems;
}

describe('the one adapter shape', () => {
  it.each(ADAPTERS.map((adapter) => [adapter]))('%s has every role', (adapter) => {
    expect(shapeProblems(join(root, adapter, 'src'))).toEqual([]);
  });

  it('fails for an adapter that lacks a role (the check itself can fail)', () => {
    const problems = shapeProblems(join(root, 'packages/core/src'));
    expect(problems).toContain('missing connector.ts');
    expect(problems).toContain('missing readers/ (a folder of .ts files)');
  });
});
