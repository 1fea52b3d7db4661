import { fork, type ChildProcess } from 'node:child_process';

/**
 * Starts a bench server script in its own process, so the load generator never shares the
 * server's event loop, and waits for its first message (what the script reports when ready).
 */
export async function forkServer<Ready>(script: URL, env: Record<string, string> = {}): Promise<{ ready: Ready; child: ChildProcess; ask<T>(message: object): Promise<T>; stop(): Promise<void> }> {
  const child = fork(script, { env: { ...process.env, ...env }, execArgv: ['--import', 'tsx'] });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Ready));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return {
    ready,
    child,
    ask: <T>(message: object) => new Promise<T>((resolve) => {
      child.once('message', (answer) => resolve(answer as T));
      child.send(message);
    }),
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ stop: true });
      await exited;
    },
  };
}
