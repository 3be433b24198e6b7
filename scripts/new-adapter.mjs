#!/usr/bin/env node
// Scaffold a new hrkit adapter package from the guide's example adapter (examples/acme-hr), renamed for your
// provider. The example passes the conformance suite, so the generated package does too before you change
// anything; then replace Acme's endpoints, fields and values with your provider's (docs/writing-an-adapter.md).
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

/** Rename the example provider everywhere, drop the guide's region markers, and re-point relative paths. */
export function transform(path, text, names, target) {
  let out = text
    .split('\n')
    .filter((line) => !/^\s*\/\/ #(end)?region\b/.test(line))
    .join('\n')
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

It still speaks the example provider's API (its endpoints, field names and values). Follow
[Writing an adapter](../../docs/writing-an-adapter.md) to replace them with ${names.display}'s, keeping the
conformance run (\`test/conformance.test.ts\`) green as you go.

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
