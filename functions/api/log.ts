// Structured logs: JSON lines on Lambda (CloudWatch queries), readable lines locally. Never visitor data, only ids.
export interface Log {
  info(event: string, fields?: Record<string, unknown>): void;
  error(event: string, error: unknown, fields?: Record<string, unknown>): void;
}

function describe(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  const cause = error.cause instanceof Error ? { cause: `${error.cause.name}: ${error.cause.message}` } : {};
  return { error: `${error.name}: ${error.message}`, ...cause, stack: error.stack };
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
