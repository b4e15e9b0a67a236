import { createHash, timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { InvalidInputError } from '../errors/AuditError.ts'
import { HttpError } from '../errors/HttpError.ts'

/**
 * Hono middleware admitting only requests with `Authorization: Bearer <token>` for one of `tokens`; others get
 * 401 `unauthorized` before their body is read. Tokens are compared as SHA-256 digests with
 * `timingSafeEqual`, against every configured token, so timing reveals neither length nor prefix.
 *
 * @example
 * app.post('/add', requireBearerToken(['s3cret-token']), handler)
 */
export function requireBearerToken(tokens: readonly string[]): MiddlewareHandler {
  if (tokens.length === 0 || tokens.some((t) => typeof t !== 'string' || t.length === 0)) {
    throw new InvalidInputError('bearer tokens must be non-empty strings', {
      details: `${tokens.length} given`,
    })
  }
  const digests = tokens.map(digest)
  return async (c, next) => {
    const match = /^Bearer +(\S+) *$/i.exec(c.req.header('authorization') ?? '')
    const given = digest(match?.[1] ?? '')
    let ok = false
    for (const expected of digests) ok = timingSafeEqual(given, expected) || ok
    if (!match || !ok) {
      c.header('WWW-Authenticate', 'Bearer')
      throw new HttpError('missing or invalid bearer token', { status: 401, code: 'unauthorized' })
    }
    await next()
  }
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest()
}
