import { Redactor, VERSION } from '@hrkit/core';
import { Command, CommanderError } from 'commander';
import { registerCheck } from './commands/check.js';
import { registerFleet } from './commands/fleet.js';
import { registerReads } from './commands/read.js';
import { registerSandbox } from './commands/sandbox.js';
import { registerSync } from './commands/sync.js';
import { registerWebhooks } from './commands/webhooks.js';
import type { CommandContext } from './context.js';
import { describeError } from './errors.js';
import { EXIT } from './exit-codes.js';
import { type CliIo, processIo } from './io.js';
import { loadProviderModules, PROVIDER_MODULES_ENV, providerModuleSpecifiers } from './provider-modules.js';
import { allCredentialSpecs, knownProviders, secretEnvironmentNames } from './providers.js';

/**
 * Run `hrkit` with the given argv (node-style: argv[0] node, argv[1] the script) and return the exit code.
 * Never throws and never prints a stack trace: every failure becomes a message and a documented exit code.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = EXIT.OK;
  const redactor = new Redactor();
  // Adapters named with --provider-module are registered first: their credentials become flags below.
  try {
    await loadProviderModules(providerModuleSpecifiers(argv, io.env), io.cwd);
  } catch (error) {
    const { exitCode: code, message } = describeError(error, (text) => text);
    io.stderr.write(`${message}\n`);
    return code;
  }
  // Whatever the user passed as a secret, on a flag or in the environment, is redacted from all output.
  for (const name of [...secretEnvironmentNames(), 'HRKIT_WEBHOOK_SECRET', 'HRKIT_FLEET_KEYS'])
    redactor.add(io.env[name]);
  const secretFlags = new Set([
    '--secret',
    '--webhook-secret',
    ...allCredentialSpecs()
      .filter((spec) => spec.secret)
      .map((spec) => spec.flag.split(' ')[0] as string),
  ]);
  for (const [index, arg] of argv.entries()) {
    const [flag = '', inline] = arg.split(/=(.*)/s, 2);
    if (secretFlags.has(flag)) redactor.add(inline ?? argv[index + 1]);
  }

  const program = new Command('hrkit')
    .description(
      `hrkit: connect to HR systems (${knownProviders().join(', ')}), read the normalized model, sync it incrementally`,
    )
    .version(VERSION, '-V, --version')
    .option('-q, --quiet', 'no progress bars or summaries on stderr')
    .option(
      '--provider-module <package>',
      `load an adapter package made with defineProvider (repeatable; also $${PROVIDER_MODULES_ENV}, comma-separated)`,
    )
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(redactor.redact(text)),
    });
  const context = (): CommandContext => ({
    io,
    quiet: Boolean(program.opts().quiet),
    setExitCode: (code) => {
      exitCode = code;
    },
    addSecret: (secret) => {
      redactor.add(secret);
    },
  });
  registerSandbox(program, context);
  registerCheck(program, context);
  registerReads(program, context);
  registerSync(program, context);
  registerWebhooks(program, context);
  registerFleet(program, context);
  for (const command of program.commands) inheritSettings(command, program);

  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version "errors" are successful exits; commander already printed the usage message.
      if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version')
        return EXIT.OK;
      return EXIT.USAGE;
    }
    const { exitCode: code, message } = describeError(error, (text) => redactor.redact(text));
    io.stderr.write(`${message}\n`);
    return code;
  }
}

/** Sub-commands throw instead of exiting and write through the same (redacting) output. */
function inheritSettings(command: Command, root: Command): void {
  command.exitOverride();
  command.configureOutput(root.configureOutput());
  command.showHelpAfterError('(run with --help for usage)');
  for (const child of command.commands) inheritSettings(child, root);
}
