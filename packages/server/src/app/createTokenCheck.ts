import { createHash, timingSafeEqual } from 'node:crypto'

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest()

/**
 * Checks an `Authorization` header against the configured bearer tokens, comparing SHA-256 digests with
 * `timingSafeEqual` against every token, so timing reveals neither length nor prefix. No tokens: always false.
 *
 * @example
 * const authorized = createTokenCheck(['s3cret'])
 * authorized('Bearer s3cret') // true
 */
export function createTokenCheck(tokens: readonly string[]): (header: string | undefined) => boolean {
  const digests = tokens.filter((t) => typeof t === 'string' && t.length > 0).map(digest)
  return (header) => {
    const match = /^Bearer +(\S+) *$/i.exec(header ?? '')
    const given = digest(match?.[1] ?? '')
    let ok = false
    for (const expected of digests) ok = timingSafeEqual(given, expected) || ok
    return match !== null && ok
  }
}
