import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const HOST = fileURLToPath(new URL('./sandbox-host.mjs', import.meta.url));

/**
 * Start a HiBob sandbox in a child process (127.0.0.1, ephemeral port). Resolves with its URL, a connection config
 * for the full-access service user, and helpers to read or reset its rate-limit counters and to stop it.
 */
export function startSandboxProcess(options) {
  return new Promise((resolve, reject) => {
    const child = fork(HOST, [JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const pending = new Map();
    let nextId = 0;
    const ask = (type) =>
      new Promise((done) => {
        const id = ++nextId;
        pending.set(id, done);
        child.send({ type, id });
      });
    child.on('error', reject);
    child.once('exit', (code) => reject(new Error(`sandbox host exited (${code}) before it was ready`)));
    child.on('message', (message) => {
      if (message.type === 'ready') {
        resolve({
          url: message.url,
          config: message.config,
          employees: message.employees,
          startMs: message.startMs,
          counters: () => ask('counters'),
          reset: () => ask('reset'),
          employeeIds: () => ask('employeeIds'),
          close: () =>
            new Promise((done) => {
              child.removeAllListeners('exit');
              child.once('exit', () => done());
              child.send({ type: 'close' });
            }),
        });
        return;
      }
      const done = pending.get(message.id);
      if (done) {
        pending.delete(message.id);
        done(message.value);
      }
    });
  });
}
