import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CapabilityName } from '@hrkit/core';
import { type CliIo, main, registerCliProvider } from '../src/index.js';
import { FakeCompany, fakeProvider } from '@hrkit/sync/testing';

/** Registers a fake provider with the CLI and runs `hrkit` in-process with captured output. */
export function cliHarness(capabilities: readonly CapabilityName[]) {
  const company = new FakeCompany();
  registerCliProvider({
    key: 'fake',
    displayName: 'Fake HR',
    credentials: [{ flag: '--token <token>', option: 'token', configKey: 'token', env: 'FAKE_TOKEN', secret: true }],
    webhookSecretEnv: 'FAKE_WEBHOOK_SECRET',
    signatureHeader: 'x-fake-signature',
    timestampHeader: null,
    offlineConfig: { token: 'offline-placeholder' },
    plugin: async () => fakeProvider(company, capabilities),
    startSandbox: async () => {
      throw new Error('the fake provider has no sandbox');
    },
  });
  const cwd = mkdtempSync(join(tmpdir(), 'hrkit-cli-'));
  const run = async (args: string[], env: Record<string, string> = {}) => {
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdout: {
        write: (text: string, done?: (error?: Error | null) => void) => {
          stdout += text;
          done?.();
          return true;
        },
      },
      stderr: { write: (text: string) => (stderr += text), isTTY: false },
      env: { FAKE_TOKEN: 'fake-token-value-123', ...env },
      cwd,
      // Long-running commands (serve, sandbox) stop at once under `run`; use `start` to keep them up.
      interrupted: () => Promise.resolve(),
    };
    const code = await main(['node', 'hrkit', ...args], io);
    return { code, stdout, stderr };
  };
  /** Start a long-running command; `output()` reads what it printed so far, `stop()` interrupts it. */
  const start = (args: string[], env: Record<string, string> = {}) => {
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    let out = '';
    let err = '';
    const io: CliIo = {
      stdout: {
        write: (text: string, done?: (error?: Error | null) => void) => {
          out += text;
          done?.();
          return true;
        },
      },
      stderr: { write: (text: string) => (err += text), isTTY: false },
      env: { FAKE_TOKEN: 'fake-token-value-123', ...env },
      cwd,
      interrupted: () => stopped,
    };
    const finished = main(['node', 'hrkit', ...args], io);
    return {
      output: () => ({ stdout: out, stderr: err }),
      stop: async () => {
        stop();
        return { code: await finished, stdout: out, stderr: err };
      },
    };
  };
  return { company, cwd, run, start, cleanup: () => rmSync(cwd, { recursive: true, force: true }) };
}
