/**
 * Whether `text` holds something a signed note must not: an ASCII control character other than newline
 * (anything below U+0020), or a lone UTF-16 surrogate (which has no UTF-8 form).
 *
 * @example
 * hasForbiddenCharacter('a\tb\n') // true
 * hasForbiddenCharacter('a b\n') // false
 */
export function hasForbiddenCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x20 && code !== 0x0a) return true
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1)
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true
      i++
    } else if (code >= 0xdc00 && code <= 0xdfff) return true
  }
  return false
}
