/**
 * An error answer, independent of the caller's wire format. The ingress formats render it (OpenAI's
 * `{error:{message,type,param,code}}`, Anthropic's `{type:"error",error:{type,message}}`). `code` values
 * form a stable catalog, documented in docs/errors.md.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly type: string;
  readonly code: string | null;
  readonly param: string | null;
  /** Extra response headers (`retry-after`). */
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    type: string,
    message: string,
    options: { code?: string | null; param?: string | null; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = status;
    this.type = type;
    this.code = options.code ?? null;
    this.param = options.param ?? null;
    // Every error Arbiter answers with is final: it already retried and fell back, so official SDKs
    // must not multiply those retries with their own.
    this.headers = { 'x-should-retry': 'false', ...options.headers };
  }
}
