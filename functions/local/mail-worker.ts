// The local stand-in for the stream-driven mail function: the same worker, run after each stored inquiry and on a sweep.
import { setTimeout as sleep } from 'node:timers/promises';
import { deliverOwed, type MailWorkerDeps } from '../outbox/worker.ts';

export interface LocalMailWorkerOptions {
  /** How often every inquiry that still owes mail is tried again (a crash between the write and the mail, an outage). */
  sweepMs?: number;
  /** Waits between the attempts after a trigger, as the stream's retries on AWS; after the last, the sweep takes over. */
  retryDelaysMs?: readonly number[];
}

export interface LocalMailWorker {
  /** An inquiry was stored (or answered again): send what it owes, now and with retries. Never throws. */
  notify(idempotencyKey: string): void;
  /** Tries every inquiry that still owes mail once; what the interval runs. */
  sweep(): Promise<void>;
  /** Resolves once nothing is being sent or waiting for a retry (for tests and an orderly stop). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export const LOCAL_MAIL_SWEEP_MS = 10_000;
export const LOCAL_MAIL_RETRY_DELAYS_MS = [250, 1000, 4000] as const;

export function startMailWorker(deps: MailWorkerDeps, options: LocalMailWorkerOptions = {}): LocalMailWorker {
  const delays = options.retryDelaysMs ?? LOCAL_MAIL_RETRY_DELAYS_MS;
  const stopping = new AbortController();
  /** One run per inquiry at a time in this process; a trigger during a run asks for one more pass after it. */
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();

  const attempt = async (key: string): Promise<boolean> => {
    try {
      return !(await deliverOwed(deps, key)).retry;
    } catch (error) {
      deps.log.error('mail.worker.failed', error, { inquiry: key });
      return false;
    }
  };

  const run = async (key: string) => {
    for (let index = 0; !stopping.signal.aborted; index++) {
      again.delete(key);
      const done = await attempt(key);
      if (done && !again.has(key)) return;
      if (done) continue;
      const delay = delays[index];
      if (delay === undefined) return; // the sweep tries again later
      await sleep(delay, undefined, { signal: stopping.signal }).catch(() => {});
    }
  };

  const notify = (key: string) => {
    if (stopping.signal.aborted) return;
    if (running.has(key)) {
      again.add(key);
      return;
    }
    const task = run(key).finally(() => running.delete(key));
    running.set(key, task);
  };

  const sweep = async () => {
    try {
      for (const key of await deps.outbox.pending()) notify(key);
    } catch (error) {
      deps.log.error('mail.sweep.failed', error);
    }
  };

  const timer = setInterval(() => void sweep(), options.sweepMs ?? LOCAL_MAIL_SWEEP_MS);
  timer.unref();

  const idle = async () => {
    while (running.size > 0) await Promise.all([...running.values()]);
  };

  return {
    notify,
    sweep,
    idle,
    async stop() {
      clearInterval(timer);
      stopping.abort();
      await idle();
    },
  };
}
