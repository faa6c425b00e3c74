import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { type CookieSecure } from '../../config/environment';

/** What helmet would send; browsers ignore it over plain HTTP, and it would pin a plain-HTTP host name. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/**
 * Whether this request reached us over HTTPS: directly, or per X-Forwarded-Proto from a proxy that
 * TRUST_PROXY trusts (Fastify's `protocol` ignores the header from anyone else).
 */
export function servedOverHttps(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

/** The cookie `Secure` flag for this request under COOKIE_SECURE. */
export function secureCookie(
  mode: CookieSecure,
  request: FastifyRequest,
): boolean {
  return mode === 'auto' ? servedOverHttps(request) : mode;
}

/** Sends HSTS on responses to HTTPS requests only (helmet's own HSTS would go out over plain HTTP too). */
export function addStrictTransportSecurity(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (servedOverHttps(request))
      void reply.header('strict-transport-security', STRICT_TRANSPORT_SECURITY);
  });
}
