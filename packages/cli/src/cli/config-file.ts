import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError } from './errors.js';

/**
 * `--config hrkit.json`: `{ "store": "...", "hibob": { "serviceUserId": "...", "token": "..." },
 * "bamboohr": { "companyDomain": "...", "apiKey": "..." } }`. Per-provider objects are passed to the adapter's
 * connection schema as they are (so any adapter option works), with flags and environment variables on top.
 */
export interface ConfigFile {
  store?: string;
  [provider: string]: unknown;
}

export function readConfigFile(path: string | undefined, cwd: string): ConfigFile {
  if (!path) return {};
  const full = resolve(cwd, path);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch {
    throw new CliError(`cannot read the config file ${path}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // Never echo the content: it holds credentials.
    throw new CliError(`the config file ${path} is not valid JSON (${(error as Error).message.replace(/".*"/, '…')})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new CliError(`the config file ${path} must hold a JSON object`);
  const config = parsed as ConfigFile;
  if (config.store !== undefined && typeof config.store !== 'string')
    throw new CliError(`"store" in ${path} must be a path or postgres:// URL string`);
  return config;
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
