#!/usr/bin/env node
// Scaffold a new hrkit adapter package in the one adapter shape (docs/architecture.md), from the guide's example
// adapter (examples/acme-hr). The generated package passes the conformance suite before you change anything, and
// every file says, in a TODO at its top, which of your provider's facts belong there: the example's facts are
// placeholders to replace, never claims about your provider (docs/writing-an-adapter.md).
//
//   npm run new-adapter -- <name> [--dir <path>] [--scope <@scope>] [--display-name <"Name">] [--no-register] [--force]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const template = join(repoRoot, 'examples/acme-hr');
/** What is copied: the adapter, its sandbox, and the tests that keep it honest (not the guide's own tests). */
const COPIED = [
  'src',
  'test/conformance.test.ts',
  'test/mapping.test.ts',
  'test/tsconfig.json',
  'vitest.config.ts',
  'tsconfig.json',
  'package.json',
];

export function main(argv = process.argv.slice(2)) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      dir: { type: 'string' },
      scope: { type: 'string', default: '@hrkit' },
      'display-name': { type: 'string' },
      'no-register': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const name = positionals[0];
  if (values.help || !name) {
    console.log(
      'usage: npm run new-adapter -- <name> [--dir <path>] [--scope <@scope>] [--display-name <Name>] [--no-register] [--force]',
    );
    return values.help ? 0 : 1;
  }
  if (!/^[a-z][a-z0-9-]*[a-z0-9]$/.test(name))
    return fail(`<name> must be lower-case letters, digits and dashes, e.g. "personio" (got "${name}")`);
  if (name === 'acme' || name === 'acme-hr') return fail('pick your provider\'s name; "acme" is the example\'s');
  if (!/^@[a-z0-9][a-z0-9-._]*$/.test(values.scope))
    return fail(`--scope must look like "@my-org" (got "${values.scope}")`);
  const target = resolve(values.dir ?? join(repoRoot, 'packages', name));
  if (existsSync(target) && readdirSync(target).length > 0 && !values.force)
    return fail(`${target} exists and is not empty (use --force to write into it)`);

  const names = namesFor(name, values['display-name'], values.scope);
  const files = COPIED.flatMap((entry) => listFiles(join(template, entry)));
  for (const file of files) {
    const path = relative(template, file);
    const out = join(target, path);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, transform(path, readFileSync(file, 'utf8'), names, target));
  }
  writeFileSync(join(target, 'README.md'), readme(names));
  format(target);
  const inside = !relative(repoRoot, target).startsWith('..');
  if (inside && !values['no-register']) register(target);
  console.log(`Created ${names.packageName} in ${relative(process.cwd(), target) || '.'} (${files.length + 1} files).`);
  console.log('Next:');
  if (inside && !values['no-register'])
    console.log('  npm install --no-audit --no-fund   # link the new workspace package');
  console.log(`  npx vitest run --project ${names.packageName}   # the conformance run passes as generated`);
  console.log('  then follow docs/writing-an-adapter.md to replace the example provider with yours');
  return 0;
}

export function namesFor(name, displayName, scope = '@hrkit') {
  const words = name.split('-');
  const pascal = words.map((word) => word[0].toUpperCase() + word.slice(1)).join('');
  return {
    key: name,
    pascal,
    camel: pascal[0].toLowerCase() + pascal.slice(1),
    upper: words.join('_').toUpperCase(),
    display: displayName ?? words.map((word) => word[0].toUpperCase() + word.slice(1)).join(' '),
    packageName: `${scope}/${name}`,
  };
}

/**
 * What each role needs from the new provider: written as a TODO at the top of the file. Keys are paths relative to
 * the package (a trailing slash: every .ts file in that folder).
 */
export const ROLE_TODOS = {
  'src/config.ts': "{name}'s credentials (key, env var, secret?, where an admin finds them) and production base URL",
  'src/options.ts': "{name}'s plugin options (e.g. which field holds the customer's own employment category)",
  'src/capabilities.ts': 'the capabilities {name} really answers (drop the others)',
  'src/errors.ts': "{name}'s error bodies: which permission or scope a 403 names, in its own words",
  'src/client.ts': "{name}'s endpoints, auth (static key or token exchange), paging style and documented rate limits",
  'src/connector.ts': 'one line per capability {name} answers, delegating to readers/',
  'src/readers/': 'how {name} pages this entity and which filters it applies server-side',
  'src/mapping/': "{name}'s fields and values for this record (the tables here are the example's placeholders)",
  'src/raw/': "{name}'s payload as its documentation or recorded responses show (these fields are placeholders)",
  'src/check.ts': "one probe per {name} permission, with the grant steps in its admin screen's words",
  'src/webhooks.ts': 'how {name} proves a delivery (HMAC over the raw body, a static token…) and its event names',
  'src/module.ts': "{name}'s display name and webhook header",
  'src/sandbox/': "{name}'s API behaviour: endpoints, paging (quirks included), error bodies, documented rate limit",
};

/** The example's own facts, which must not reach a new adapter as if they were the provider's. */
const EXAMPLE_FACTS = [
  [/\/\*\* Acme documents 600 requests per minute per API key\. \*\//g, '/** TODO: the documented rate limit. */'],
  [/Settings › API keys/g, 'TODO: where the admin finds it'],
];

function todoFor(path, names) {
  const unix = path.split(sep).join('/');
  const role = Object.keys(ROLE_TODOS).find((key) => (key.endsWith('/') ? unix.startsWith(key) : unix === key));
  if (!role || !unix.endsWith('.ts')) return '';
  return `// TODO(${names.key}): ${ROLE_TODOS[role].replaceAll('{name}', names.display)}.\n`;
}

/** Rename the example provider everywhere, drop the guide's region markers, and re-point relative paths. */
export function transform(path, text, names, target) {
  let facts = text;
  for (const [pattern, replacement] of EXAMPLE_FACTS) facts = facts.replace(pattern, replacement);
  const article = /^[aeiou]/i.test(names.display) ? 'An' : 'A';
  let out = facts
    .split('\n')
    .filter((line) => !/^\s*\/\/ #(end)?region\b/.test(line))
    .join('\n')
    .replaceAll('An Acme-compatible', `${article} Acme-compatible`)
    .replaceAll('@hrkit/example-acme-hr', names.packageName)
    .replaceAll('Acme HR', names.display)
    .replaceAll('acme-hr', names.key)
    .replaceAll('Acme', names.pascal)
    .replaceAll('ACME', names.upper)
    // Strings and ids take the provider key ('acme', acme_full_…, acme.example, acme:<id>, acme-signature);
    // what is left is an identifier (acme(), acmeDefinition, `plugin: acme`), which takes the camel-case name.
    .replaceAll("'acme'", `'${names.key}'`)
    .replace(/\bacme(?=[_.:-])/g, names.key)
    .replace(/\bacme/g, names.camel);
  out = todoFor(path, names) + out;
  if (path === 'package.json') {
    const json = JSON.parse(out);
    delete json.private;
    json.description = `hrkit adapter for ${names.display}, with a ${names.display}-compatible sandbox server`;
    out = `${JSON.stringify(json, null, 2)}\n`;
  }
  // The example sits two levels below the repository root; the new package may sit elsewhere.
  const toRoot = (from) => relative(from, repoRoot).split(sep).join('/') || '.';
  if (path === 'tsconfig.json' || path === 'vitest.config.ts') out = out.replaceAll('../../', `${toRoot(target)}/`);
  if (path === join('test', 'tsconfig.json')) out = out.replaceAll('../../../', `${toRoot(join(target, 'test'))}/`);
  return out;
}

/** Renaming changes import order and line lengths: let the repository's formatter settle them. */
function format(target) {
  const biome = join(repoRoot, 'node_modules/.bin/biome');
  if (!existsSync(biome)) return;
  const result = spawnSync(biome, ['check', '--write', '--no-errors-on-unmatched', target], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (result.status !== 0)
    console.warn(`new-adapter: biome could not format ${target}:\n${result.stdout}${result.stderr}`);
}

function listFiles(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((entry) => listFiles(join(path, entry)));
}

/** Make the package part of the monorepo: a workspace, and a `tsc -b` reference. Edits in place, keeping formatting. */
function register(target) {
  const path = relative(repoRoot, target).split(sep).join('/');
  const packageJsonPath = join(repoRoot, 'package.json');
  const packageText = readFileSync(packageJsonPath, 'utf8');
  const covered = JSON.parse(packageText).workspaces.some(
    (pattern) => pattern === path || (pattern.endsWith('/*') && dirname(path) === pattern.slice(0, -2)),
  );
  if (!covered)
    writeFileSync(
      packageJsonPath,
      appendToArray(packageText, /("workspaces"\s*:\s*\[)([^\]]*?)(\s*\])/, JSON.stringify(path)),
    );
  const tsconfigPath = join(repoRoot, 'tsconfig.json');
  const tsconfigText = readFileSync(tsconfigPath, 'utf8');
  if (!JSON.parse(tsconfigText).references.some((reference) => reference.path === path))
    writeFileSync(
      tsconfigPath,
      appendToArray(
        tsconfigText,
        /("references"\s*:\s*\[)([\s\S]*?)(\s*\]\s*\}\s*$)/,
        `{ "path": ${JSON.stringify(path)} }`,
      ),
    );
}

/** Append one item to the JSON array the pattern captures (prefix, items, suffix), in the items' own layout. */
function appendToArray(text, pattern, item) {
  const match = pattern.exec(text);
  if (!match) throw new Error(`new-adapter: could not find where to register the package (${pattern})`);
  const [, prefix, items, suffix] = match;
  const multiline = items.includes('\n');
  const indent = multiline ? (/\n(\s*)\S/.exec(items)?.[1] ?? '    ') : ' ';
  const separator = items.trim() === '' ? (multiline ? `\n${indent}` : '') : `,${multiline ? `\n${indent}` : ' '}`;
  const updated = `${prefix}${items.replace(/\s*$/, '')}${separator}${item}${suffix}`;
  return text.slice(0, match.index) + updated + text.slice(match.index + match[0].length);
}

function readme(names) {
  return `# ${names.packageName}

hrkit adapter for ${names.display}, generated by \`npm run new-adapter\` from the guide's example adapter.

It has the one adapter shape and still speaks the example provider's API: every file starts with a
\`TODO(${names.key})\` naming which of ${names.display}'s facts belong there (\`grep -rn "TODO(${names.key})" src\`).
Follow [Writing an adapter](../../docs/writing-an-adapter.md) to replace them, keeping the conformance run
(\`test/conformance.test.ts\`) green as you go; its "decisions" section lists what to decide for ${names.display}.

\`\`\`ts
import { createHrKit } from '@hrkit/core';
import { ${names.camel} } from '${names.packageName}';

const kit = createHrKit({ providers: [${names.camel}()] });
const connection = kit.connect('${names.key}', { apiKey: process.env.${names.upper}_API_KEY });
\`\`\`
`;
}

function fail(message) {
  console.error(`new-adapter: ${message}`);
  return 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
