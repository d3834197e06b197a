// Structured logs: JSON lines on Lambda (CloudWatch queries), readable lines locally. Never visitor data, only ids.
export interface Log {
  info(event: string, fields?: Record<string, unknown>): void;
  error(event: string, error: unknown, fields?: Record<string, unknown>): void;
}

/** Anything shaped like an e-mail address: mail services name the recipient in their errors (SES: "…failed the check: a@b.c"). */
const ADDRESS = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+/g;
const scrub = (text: string) => text.replace(ADDRESS, '<address>');

/** An error as log fields, with any e-mail address in its message, cause or stack replaced: logs never carry one. */
function describe(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: scrub(String(error)) };
  const cause = error.cause instanceof Error ? { cause: scrub(`${error.cause.name}: ${error.cause.message}`) } : {};
  return { error: scrub(`${error.name}: ${error.message}`), ...cause, ...(error.stack ? { stack: scrub(error.stack) } : {}) };
}

export function jsonLog(write: (line: string) => void = (line) => console.log(line)): Log {
  return {
    info: (event, fields) => write(JSON.stringify({ level: 'info', event, ...fields })),
    error: (event, error, fields) => write(JSON.stringify({ level: 'error', event, ...fields, ...describe(error) })),
  };
}

export function prettyLog(prefix = 'api'): Log {
  const format = (fields?: Record<string, unknown>) =>
    fields && Object.keys(fields).length > 0
      ? ' ' +
        Object.entries(fields)
          .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
          .join(' ')
      : '';
  return {
    info: (event, fields) => console.log(`[${prefix}] ${event}${format(fields)}`),
    error: (event, error, fields) => {
      const { stack, ...rest } = describe(error);
      console.error(`[${prefix}] ${event}${format({ ...fields, ...rest })}`);
      if (stack) console.error(String(stack));
    },
  };
}

export const silentLog: Log = { info: () => {}, error: () => {} };
