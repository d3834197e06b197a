// Reading the deployment's CDK context (-c key=value): a trimmed string or nothing, and the one error that names the key.

export type Context = (key: string) => unknown;

export function text(context: Context, key: string): string | undefined {
  const value = context(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`Context "${key}" must be a string, got ${JSON.stringify(value)}`);
  return value.trim();
}

export function fail(key: string, found: string, expected: string): never {
  throw new Error(`Context "${key}": got "${found}", expected ${expected} (pass it as: -c ${key}=…)`);
}
