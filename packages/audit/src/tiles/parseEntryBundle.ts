import { InvalidInputError } from '../errors/AuditError.ts'

/**
 * Reads the entries of a tlog-tiles entry bundle one by one (views into `bundle`, not copies). Throws
 * {@link InvalidInputError} on reaching a truncated length prefix or entry, after yielding the entries before
 * it, so a verifier can name the first bad entry. The caller checks the count against the bundle's width.
 *
 * @example
 * const entries = [...parseEntryBundle(bundle)]
 */
export function* parseEntryBundle(bundle: Uint8Array): Generator<Uint8Array> {
  let at = 0
  for (let entry = 0; at < bundle.length; entry++) {
    if (at + 2 > bundle.length) {
      throw new InvalidInputError('truncated entry bundle', { details: `entry ${entry}: length prefix cut` })
    }
    const length = (bundle[at]! << 8) | bundle[at + 1]!
    if (at + 2 + length > bundle.length) {
      throw new InvalidInputError('truncated entry bundle', {
        details: `entry ${entry}: ${length} bytes announced, ${bundle.length - at - 2} left`,
      })
    }
    yield bundle.subarray(at + 2, at + 2 + length)
    at += 2 + length
  }
}
