// Calls to /api/staff/* with the signed-in staff member's token; errors arrive as the API's codes for the console to translate.
import type { FieldError } from '#domain/errors.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: FieldError[],
  ) {
    super(errors.map((e) => e.code).join(', ') || String(status));
  }
  get code(): string {
    return this.errors[0]?.code ?? 'internal';
  }
}

/** The code a failed call is shown by: the API's own, or `internal` for anything else. */
export const errorCode = (error: unknown): string => (error instanceof ApiError ? error.code : 'internal');

export type Fetcher = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/** `token()` is asked before every call, so a refreshed token is used at once; a 401 signs the console out. */
export function apiClient(token: () => Promise<string | undefined>, onUnauthorized: () => void): Fetcher {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const bearer = await token();
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers: {
          ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch {
      throw new ApiError(0, [{ code: 'unavailable' }]);
    }
    if (response.status === 401) onUnauthorized();
    if (!response.ok) {
      const answer = (await response.json().catch(() => ({}))) as { errors?: FieldError[] };
      throw new ApiError(response.status, answer.errors ?? [{ code: response.status >= 500 ? 'unavailable' : 'internal' }]);
    }
    const type = response.headers.get('content-type') ?? '';
    return (type.includes('json') ? await response.json() : await response.text()) as T;
  };
}
