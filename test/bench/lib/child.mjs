import { fork } from 'node:child_process';

/**
 * Run one benchmark step in a fresh Node process (its own heap, so peaks never mix) and resolve with the
 * `{ type: 'result' }` message it sends. Other messages go to `onMessage`. Rejects if the child exits first.
 */
export function runChild(script, input, { onMessage, execArgv = [] } = {}) {
  return new Promise((resolve, reject) => {
    const child = fork(script, [JSON.stringify(input)], {
      execArgv: ['--expose-gc', ...execArgv],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result;
    child.on('message', (message) => {
      if (message?.type === 'result') result = message.value;
      else if (message?.type === 'error') reject(new Error(`${script}: ${message.message}`));
      else onMessage?.(message, child);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (result !== undefined) resolve(result);
      else reject(new Error(`${script} exited (${signal ?? code}) without a result`));
    });
  });
}

/** Inside a child: the JSON input passed by `runChild`. */
export function childInput() {
  return JSON.parse(process.argv[2] ?? '{}');
}

/** Inside a child: send the result, then exit once the message is flushed. */
export function sendResult(value) {
  process.send({ type: 'result', value }, () => process.exit(0));
}

/** Inside a child: run `main` and report a failure to the parent instead of hanging. */
export function childMain(main) {
  main(childInput()).then(sendResult, (error) => {
    console.error(error);
    process.send({ type: 'error', message: error?.stack ?? String(error) }, () => process.exit(1));
  });
}
