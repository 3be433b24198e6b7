import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError } from './errors.js';
import { locateJsonError } from './json-error.js';

/**
 * `--config hrkit.json`: `{ "store": "...", "hibob": { "serviceUserId": "...", "token": "..." },
 * "bamboohr": { "companyDomain": "...", "apiKey": "..." } }`. Per-provider objects are passed to the adapter's
 * connection schema as they are (so any adapter option works), with flags and environment variables on top.
 */
export interface ConfigFile {
  store?: string;
  [provider: string]: unknown;
}

/** `warn` receives one line (no content of the file) when the file holds credentials others can read. */
export function readConfigFile(path: string | undefined, cwd: string, warn?: (line: string) => void): ConfigFile {
  if (!path) return {};
  const full = resolve(cwd, path);
  let text: string;
  try {
    text = readFileSync(full, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    throw new CliError(`cannot read the config file ${path}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Never JSON.parse's message: it quotes the text near the error, and the text is credentials. Line and key only.
    const where = locateJsonError(text);
    const place = where
      ? `line ${where.line}${where.key ? `, key "${where.key}"` : ''}: ${where.problem}`
      : 'unreadable';
    throw new CliError(`the config file ${path} is not valid JSON (${place})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new CliError(`the config file ${path} must hold a JSON object`);
  const config = parsed as ConfigFile;
  if (config.store !== undefined && typeof config.store !== 'string')
    throw new CliError(`"store" in ${path} must be a path or postgres:// URL string`);
  if (warn && holdsCredentials(config) && readableByOthers(full))
    warn(
      `warning: the config file ${path} holds credentials and is readable by other users; restrict it with: chmod 600 ${path}`,
    );
  return config;
}

const CREDENTIAL_KEY = /token|secret|key|password|credential/i;

function holdsCredentials(config: ConfigFile): boolean {
  return Object.values(config).some(
    (section) =>
      typeof section === 'object' &&
      section !== null &&
      Object.entries(section).some(
        ([key, value]) => CREDENTIAL_KEY.test(key) && typeof value === 'string' && value !== '',
      ),
  );
}

/** Group or others may read it (POSIX modes; Windows ACLs are not modes, so nothing is claimed there). */
function readableByOthers(file: string): boolean {
  if (process.platform === 'win32') return false;
  try {
    return (statSync(file).mode & 0o044) !== 0;
  } catch {
    return false;
  }
}

export function providerSection(
  config: ConfigFile,
  provider: string,
  path: string | undefined,
): Record<string, unknown> {
  const section = config[provider];
  if (section === undefined) return {};
  if (typeof section !== 'object' || section === null || Array.isArray(section))
    throw new CliError(`"${provider}" in ${path ?? 'the config file'} must be an object of connection settings`);
  return { ...(section as Record<string, unknown>) };
}
