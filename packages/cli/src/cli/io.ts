/** Where the CLI reads and writes: the real process by default, buffers in tests. */
export interface CliIo {
  /** `done` is called once the text is handed to the OS (or failed): event delivery waits on it. */
  stdout: { write(text: string, done?: (error?: Error | null) => void): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Resolves when the user asks to stop (Ctrl-C / SIGTERM): long-running commands wait on it. */
  interrupted: () => Promise<void>;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    interrupted: () =>
      new Promise((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      }),
  };
}
