/**
 * Whether `value` occurs in `text` as a whole token: addresses and hashes case-insensitively, numbers as numbers
 * (`0.50` matches `0.5`, `1,000` matches `1000`, `5` does not match inside `15`), other strings as substrings of
 * at least 3 characters, case-insensitively. Shorter strings never count as found.
 *
 * @example
 * findValue('pay 0.50 ETH to 0xAbC…', '0.5') // true
 */
export function findValue(text: string, value: string | number | bigint): boolean {
  const needle = String(value).trim()
  if (needle === '') return false
  if (/^-?\d[\d,_]*(\.\d+)?$/.test(needle)) {
    const want = normalizeNumber(needle)
    for (const match of text.matchAll(/\d[\d,_]*(?:\.\d+)?/g)) {
      const before = text[match.index - 1]
      if (before !== undefined && /[A-Za-z0-9.]/.test(before)) continue
      if (normalizeNumber(match[0]) === want) return true
    }
    return false
  }
  if (needle.length < 3) return false
  return text.toLowerCase().includes(needle.toLowerCase())
}

function normalizeNumber(s: string): string {
  const [int = '', frac = ''] = s.replace(/[,_]/g, '').split('.')
  const i = int.replace(/^0+(?=\d)/, '')
  const f = frac.replace(/0+$/, '')
  return f ? `${i}.${f}` : i
}
