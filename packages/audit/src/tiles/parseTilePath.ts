import { InvalidInputError } from '../errors/AuditError.ts'
import { TILE_WIDTH } from './constants.ts'
import type { Tile } from './Tile.ts'
import { tilePath } from './tilePath.ts'

/**
 * Parses a tlog-tiles path (`tile/<L>/<N>[.p/<W>]` or `tile/entries/<N>[.p/<W>]`, no leading slash). Only the
 * canonical spelling is accepted (no leading zeros, no empty or extra elements, width 1..255 for partial tiles);
 * anything else throws {@link InvalidInputError}.
 *
 * @example
 * parseTilePath('tile/0/x001/x234/067.p/8') // { kind: 'hashes', level: 0, index: 1234067, width: 8 }
 */
export function parseTilePath(path: string): Tile {
  const bad = (why: string) => new InvalidInputError('malformed tile path', { details: `${why}: ${path}` })
  const parts = path.split('/')
  if (parts.length < 3 || parts[0] !== 'tile') throw bad('not tile/<L>/<N>')
  const kind = parts[1] === 'entries' ? 'entries' : 'hashes'
  if (kind === 'hashes' && !/^(0|[1-9][0-9]?)$/.test(parts[1]!)) throw bad('bad level')
  const level = kind === 'entries' ? 0 : Number(parts[1])
  if (level > 63) throw bad('level above 63')
  const digits = parts.slice(2)
  let width = TILE_WIDTH
  const partial = digits.length >= 2 && digits[digits.length - 2]!.endsWith('.p')
  if (partial) {
    const w = digits.pop()!
    if (!/^[1-9][0-9]{0,2}$/.test(w) || Number(w) >= TILE_WIDTH) throw bad('bad partial width')
    width = Number(w)
    digits[digits.length - 1] = digits[digits.length - 1]!.slice(0, -'.p'.length)
  }
  let index = 0
  for (const [i, element] of digits.entries()) {
    const pattern = i < digits.length - 1 ? /^x[0-9]{3}$/ : /^[0-9]{3}$/
    if (!pattern.test(element)) throw bad('bad index element')
    index = index * 1000 + Number(element.slice(-3))
    if (!Number.isSafeInteger(index)) throw bad('index too large')
  }
  const tile: Tile = { kind, level, index, width }
  if (tilePath(tile) !== path) throw bad('not canonical')
  return tile
}
