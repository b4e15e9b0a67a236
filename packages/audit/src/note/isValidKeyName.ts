const FORBIDDEN = /[\p{White_Space}+\p{Cc}\p{Surrogate}]/u

/**
 * Whether `name` can be a signed-note key name: non-empty, no Unicode white space, no `+` (it separates the
 * fields of key strings), no control characters and no lone surrogates (no UTF-8 form).
 *
 * @example
 * isValidKeyName('example.com/log') // true
 * isValidKeyName('a b') // false
 */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !FORBIDDEN.test(name)
}
