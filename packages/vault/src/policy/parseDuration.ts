import { PolicyError } from '../errors/VaultError.ts'

const units: Record<string, number> = { s: 1, m: 60, h: 3_600, d: 86_400, w: 604_800 }

/**
 * Parses a human duration (`"24h"`, `"1h30m"`, `"7d"`, `"90s"`, or a number of seconds) into whole seconds.
 *
 * @example
 * parseDuration('1h30m') // 5400
 */
export function parseDuration(text: string | number, path = 'duration'): number {
  if (typeof text === 'number') {
    if (Number.isSafeInteger(text) && text >= 0) return text
    throw new PolicyError('invalid duration', {
      details: `${path}: ${text} is not a whole number of seconds`,
    })
  }
  const trimmed = text.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  const parts = [...trimmed.matchAll(/(\d+)\s*([smhdw])/g)]
  const consumed = parts.map((part) => part[0]).join('')
  if (parts.length === 0 || consumed.replace(/\s/g, '') !== trimmed.replace(/\s/g, '')) {
    throw new PolicyError('invalid duration', {
      details: `${path}: "${text}" (use e.g. "90s", "30m", "24h", "7d", "1h30m")`,
    })
  }
  const seconds = parts.reduce((sum, [, count, unit]) => sum + Number(count) * units[unit!]!, 0)
  if (!Number.isSafeInteger(seconds))
    throw new PolicyError('invalid duration', { details: `${path}: too long` })
  return seconds
}
