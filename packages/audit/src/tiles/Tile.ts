/**
 * A tlog-tiles resource (c2sp.org/tlog-tiles). `kind: 'hashes'`: the tile at `level` (0..63) holding `width`
 * hashes of tree level 8·level, indexes `index·256 … index·256 + width − 1`. `kind: 'entries'`: the entry
 * bundle holding entries `index·256 …` (its `level` is always 0). `width` is 256 for a full tile, 1..255 for a
 * partial one.
 *
 * @example
 * const tile: Tile = { kind: 'hashes', level: 1, index: 3, width: 256 } // tile/1/003
 */
export type Tile = { kind: 'hashes' | 'entries'; level: number; index: number; width: number }
