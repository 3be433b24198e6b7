import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The real `hrkit` binary, which runs the BUILT dist (root `npm test` builds first; otherwise `npx tsc -b`). */
export const HRKIT_BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'hrkit.js');
const BUILT = join(dirname(HRKIT_BIN), '..', 'dist', 'cli', 'main.js');

export function assertBuilt(): void {
  if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: build first (npx tsc -b)`);
}

/** Only what the CLI needs: credentials are passed per test, never inherited from the developer's shell. */
function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', NODE_OPTIONS: '', ...extra };
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HRKIT_BIN, ...args], { cwd: options.cwd, env: baseEnv(options.env ?? {}) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** A long-running command (webhooks serve): wait for lines on its output, then stop it with SIGINT. */
export class RunningCli {
  stdout = '';
  stderr = '';
  private readonly waiters: { stream: 'stdout' | 'stderr'; pattern: RegExp; resolve: (m: RegExpMatchArray) => void }[] =
    [];
  private readonly exited: Promise<CliRun>;

  constructor(
    args: string[],
    options: { cwd: string; env?: Record<string, string> },
    private readonly child: ChildProcess = spawn(process.execPath, [HRKIT_BIN, ...args], {
      cwd: options.cwd,
      env: baseEnv(options.env ?? {}),
    }),
  ) {
    this.child.stdout?.on('data', (chunk: Buffer) => this.feed('stdout', chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => this.feed('stderr', chunk.toString()));
    this.exited = new Promise((resolve) =>
      this.child.on('close', (code, signal) => resolve({ code, signal, stdout: this.stdout, stderr: this.stderr })),
    );
  }

  private feed(stream: 'stdout' | 'stderr', text: string) {
    this[stream] += text;
    for (const waiter of [...this.waiters]) {
      const match = this[waiter.stream].match(waiter.pattern);
      if (match) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(match);
      }
    }
  }

  /** Resolves on the first match (already printed or yet to come); rejects if the process exits first. */
  waitFor(stream: 'stdout' | 'stderr', pattern: RegExp): Promise<RegExpMatchArray> {
    const existing = this[stream].match(pattern);
    if (existing) return Promise.resolve(existing);
    return Promise.race([
      new Promise<RegExpMatchArray>((resolve) => this.waiters.push({ stream, pattern, resolve })),
      this.exited.then((run) => {
        throw new Error(`hrkit exited (${run.code}) before printing ${pattern}:\n${run.stdout}\n${run.stderr}`);
      }),
    ]);
  }

  async stop(): Promise<CliRun> {
    this.child.kill('SIGINT');
    return this.exited;
  }

  /** Send any signal (SIGKILL: a supervisor that stopped waiting) and wait for the process to be gone. */
  async kill(signal: NodeJS.Signals): Promise<CliRun> {
    this.child.kill(signal);
    return this.exited;
  }
}

export function jsonLines<T = Record<string, unknown>>(text: string): T[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}
