/** A data call the gateway refused: its HTTP status and the OpenAI-style error's message and code. */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';

  constructor(
    readonly status: number,
    message: string,
    readonly code: string | null = null,
  ) {
    super(message);
  }

  /** True for a 401: the page shows the login form rather than this message. */
  get isUnauthorized(): boolean {
    return this.status === 401;
  }
}

/**
 * The error a failed response stands for: the gateway's `{ error: { message, code } }` when the body is
 * one, else the status line (a proxy's HTML page, an empty body).
 */
export async function readApiRequestError(response: Response): Promise<ApiRequestError> {
  const fallback = `The gateway answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`;
  try {
    const body = (await response.json()) as { error?: { message?: unknown; code?: unknown } };
    const message = typeof body.error?.message === 'string' ? body.error.message : fallback;
    const code = typeof body.error?.code === 'string' ? body.error.code : null;
    return new ApiRequestError(response.status, message, code);
  } catch {
    return new ApiRequestError(response.status, fallback);
  }
}
