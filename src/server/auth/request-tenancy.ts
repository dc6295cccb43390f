import type { Admission } from '../../security/create-admission-control.js';
import type { GatewayPrincipal } from '../../security/gateway-principal.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's gateway key, resolved once by the auth hook; undefined while access is open. */
    principal: GatewayPrincipal | undefined;
    /** The limits reserved for this request, settled by `recordRequest` as its usage records come. */
    admission: Admission | undefined;
  }
}
