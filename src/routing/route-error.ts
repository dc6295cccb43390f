/**
 * The `model` a caller named cannot be served: unknown, ambiguous, or naming a provider that is not
 * configured. The message says how to find valid names.
 */
export class RouteError extends Error {
  override readonly name = 'RouteError';
  constructor(
    readonly code: 'model_not_found' | 'model_ambiguous' | 'provider_not_configured' | 'no_target_fits',
    message: string,
  ) {
    super(message);
  }
}
