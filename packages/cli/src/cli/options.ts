import { type Command, Option } from 'commander';
import { allCredentialSpecs, credentialHelp } from './providers.js';
import { FORMATS } from './output/render.js';

/** Connection options shared by every provider command. */
export function addConnectionOptions(command: Command): Command {
  command
    .option('--sandbox', "start the provider's sandbox in this process (seeded company) and connect to it")
    .option('--seed <n>', 'sandbox: seed of the generated company', '1')
    .option('--employees <n>', 'sandbox: number of employees to generate')
    .option('--base-url <url>', "the provider's API base URL (default: the provider's production host)")
    .option(
      '--allow-private-network',
      'let --base-url point at a private or link-local address (never metadata): docs/security.md',
    )
    .option('--config <file>', 'JSON config file with per-provider connection settings (see docs/cli.md)')
    .option(
      '--connection <name>',
      'name of this connection in the store (default: the provider, or <provider>-sandbox)',
    );
  // Accepted for any provider; each provider reads its own. Prefer the environment: flags show up in `ps`.
  const help = credentialHelp();
  for (const spec of allCredentialSpecs())
    command.addOption(new Option(spec.flag, help.get(spec.flag.split(' ')[0] as string)));
  return command;
}

export function addFormatOption(command: Command, fallback: (typeof FORMATS)[number] = 'table'): Command {
  return command.addOption(new Option('--format <format>', 'output format').choices([...FORMATS]).default(fallback));
}
