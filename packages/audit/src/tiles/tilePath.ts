import { InvalidInputError } from '../errors/AuditError.ts'
import { TILE_WIDTH } from './constants.ts'
import type { Tile } from './Tile.ts'

/**
 * The tlog-tiles path of a tile or entry bundle, relative to the log prefix: `tile/<L>/<N>[.p/<W>]` or
 * `tile/entries/<N>[.p/<W>]`, with N written in 3-digit path elements, all but the last prefixed with `x`.
 *
 * @example
 * tilePath({ kind: 'hashes', level: 0, index: 1234067, width: 256 }) // 'tile/0/x001/x234/067'
 * tilePath({ kind: 'entries', level: 0, index: 5, width: 17 }) // 'tile/entries/005.p/17'
 */
export function tilePath(tile: Tile): string {
  const { kind, level, index, width } = tile
  const validLevel = kind === 'entries' ? level === 0 : Number.isInteger(level) && level >= 0 && level <= 63
  if (
    (kind !== 'hashes' && kind !== 'entries') ||
    !validLevel ||
    !Number.isSafeInteger(index) ||
    index < 0 ||
    !Number.isInteger(width) ||
    width < 1 ||
    width > TILE_WIDTH
  ) {
    throw new InvalidInputError('invalid tile', { details: JSON.stringify(tile) })
  }
  let n = index
  let encoded = pad(n % 1000)
  while (n >= 1000) {
    n = Math.floor(n / 1000)
    encoded = `x${pad(n % 1000)}/${encoded}`
  }
  const partial = width === TILE_WIDTH ? '' : `.p/${width}`
  return `tile/${kind === 'entries' ? 'entries' : level}/${encoded}${partial}`
}

function pad(n: number): string {
  return String(n).padStart(3, '0')
}
