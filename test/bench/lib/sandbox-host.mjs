// A HiBob sandbox in its own process, so that the benchmarked client's memory and CPU are its own.
// Input: HiBobSandboxOptions. Messages in: counters, reset, close. Messages out: ready, counters.
import { startHiBobSandbox } from '@hrkit/hibob/sandbox';
import { childInput } from './child.mjs';

const options = childInput();
const started = performance.now();
const sandbox = await startHiBobSandbox({ host: '127.0.0.1', port: 0, ...options });
const startMs = performance.now() - started;

process.on('message', async (message) => {
  if (message?.type === 'counters')
    process.send({ type: 'counters', id: message.id, value: sandbox.control.rateLimitCounters() });
  if (message?.type === 'employeeIds')
    process.send({ type: 'employeeIds', id: message.id, value: sandbox.state.employees.map((e) => e.id) });
  if (message?.type === 'reset') {
    sandbox.rateLimiter.reset();
    process.send({ type: 'reset', id: message.id });
  }
  if (message?.type === 'close') {
    await sandbox.close();
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
process.send({
  type: 'ready',
  url: sandbox.url,
  config: sandbox.connectionConfig(),
  employees: sandbox.state.employees.length,
  startMs,
});
