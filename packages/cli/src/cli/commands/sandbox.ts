import type { Command } from 'commander';
import { parseCount } from '../connect.js';
import type { CommandContext } from '../context.js';
import { providerByKey } from '../providers.js';

export function registerSandbox(program: Command, context: () => CommandContext): void {
  program
    .command('sandbox')
    .description('run a provider-compatible sandbox server with a seeded company until Ctrl-C')
    .argument('<provider>', 'hibob | bamboohr | a provider loaded with --provider-module')
    .option('--port <port>', 'port to listen on (0 = any free port)', '0')
    .option('--employees <n>', 'number of employees to generate')
    .option('--seed <n>', 'seed of the generated company', '1')
    .action(async (key: string, flags: { port?: string; employees?: string; seed?: string }) => {
      const ctx = context();
      const provider = providerByKey(key);
      const sandbox = await provider.startSandbox({
        port: parseCount(flags.port, '--port') ?? 0,
        employees: parseCount(flags.employees, '--employees'),
        seed: parseCount(flags.seed, '--seed') ?? 1,
      });
      try {
        const config = sandbox.connectionConfig();
        const env = provider.credentials
          .filter((spec) => typeof config[spec.configKey] === 'string')
          .map((spec) => `${spec.env}=${String(config[spec.configKey])}`);
        const lines = [
          `${provider.displayName} sandbox listening on ${sandbox.url}`,
          '',
          // The one place hrkit prints credentials: the sandbox issued them, they open nothing real.
          'Credentials issued by this sandbox (printed because they are sandbox-only, not a real account):',
          ...env.map((line) => `  ${line}`),
          ...(sandbox.webhooks ? [`  ${provider.webhookSecretEnv}=${sandbox.webhooks.secret}`] : []),
          '',
          `Control API (change data, trigger webhooks): ${sandbox.url}/_sandbox/`,
          `Try:  ${env.join(' ')} npx hrkit sync ${provider.key} --base-url ${sandbox.url}`,
          'Ctrl-C to stop.',
        ];
        ctx.io.stdout.write(`${lines.join('\n')}\n`);
        await ctx.io.interrupted();
      } finally {
        await sandbox.close();
      }
    });
}
