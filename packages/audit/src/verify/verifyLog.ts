import { InvalidInputError } from '../errors/AuditError.ts'
import { createLogClient, type FetchFunction, type LogClient } from '../http/createLogClient.ts'
import { HASH_SIZE, TILE_HEIGHT, TILE_WIDTH } from '../tiles/constants.ts'
import { parseEntryBundle } from '../tiles/parseEntryBundle.ts'
import type { Tile } from '../tiles/Tile.ts'
import { tileForSize } from '../tiles/tileForSize.ts'
import { tilePath } from '../tiles/tilePath.ts'
import { equalBytes } from '../tree/chain.ts'
import { type CompactRangeNode, createCompactRange } from '../tree/createCompactRange.ts'
import { hashLeaf } from '../tree/hashLeaf.ts'
import type { CheckpointVerifier } from './CheckpointVerifier.ts'
import type { LogProblem } from './LogProblem.ts'
import type { TreeHead } from './TreeHead.ts'

/** Parameters of {@link verifyLog}. */
export type VerifyLogParameters = (
  | { /** The log's tiles prefix. */ url: string | URL; fetch?: FetchFunction }
  | { /** Any source of checkpoint, tiles and bundles. */ client: Pick<LogClient, 'checkpoint' | 'tile'> }
) & {
  /** Opens the log's checkpoint (signature and origin); see {@link CheckpointVerifier}. */
  verifyCheckpoint: CheckpointVerifier
  /** Tree heads recorded elsewhere (e.g. on chain) the log must agree with. */
  anchors?: readonly TreeHead[]
  /** Entry bundles (with their level-0 tiles) fetched ahead; bounds memory. Default 16. */
  concurrency?: number
  signal?: AbortSignal
}

/** Return type of {@link verifyLog}. */
export type VerifyLogReturnType =
  | { ok: true; checkpoint: string; size: number; rootHash: Uint8Array; fetched: number }
  | { ok: false; checkpoint?: string; problem: LogProblem }

type Fetched = { data: Uint8Array } | { problem: LogProblem }

/**
 * Verifies a whole log from its public tlog-tiles data alone: opens the checkpoint, streams every entry bundle
 * with its level-0 tile, recomputes each leaf hash and the whole tree in a compact range (memory stays
 * O(concurrency · bundle + log n)), checks every hash of every tile at every level byte for byte against the
 * recomputed tree, the root against the checkpoint, and each anchor against the root recomputed at its size.
 * Stops at the first problem, in log order. Throws only on an abort or bad parameters.
 *
 * @example
 * const result = await verifyLog({ url: 'https://log.example.com/audit/', verifyCheckpoint, anchors })
 * if (!result.ok) console.error(result.problem.kind, result.problem.index)
 */
export async function verifyLog(parameters: VerifyLogParameters): Promise<VerifyLogReturnType> {
  const { verifyCheckpoint, anchors = [], concurrency = 16, signal } = parameters
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new InvalidInputError('invalid concurrency', { details: `${concurrency}` })
  }
  for (const anchor of anchors) {
    if (!validHead(anchor)) throw new InvalidInputError('invalid anchor', { details: `size ${anchor.size}` })
  }
  signal?.throwIfAborted()
  const stop = new AbortController()
  const abort = () => stop.abort(signal?.reason)
  signal?.addEventListener('abort', abort, { once: true })
  const client =
    'client' in parameters
      ? parameters.client
      : createLogClient({
          url: parameters.url,
          signal: stop.signal,
          ...(parameters.fetch ? { fetch: parameters.fetch } : {}),
        })
  try {
    return await verify(client, verifyCheckpoint, anchors, concurrency, signal)
  } finally {
    signal?.removeEventListener('abort', abort)
    stop.abort()
  }
}

async function verify(
  client: Pick<LogClient, 'checkpoint' | 'tile'>,
  verifyCheckpoint: CheckpointVerifier,
  anchors: readonly TreeHead[],
  concurrency: number,
  signal: AbortSignal | undefined,
): Promise<VerifyLogReturnType> {
  let fetched = 0
  const unavailable = (error: unknown, problem: Omit<LogProblem, 'kind' | 'message'>): LogProblem => {
    signal?.throwIfAborted()
    return {
      kind: 'unavailable',
      message: error instanceof Error ? error.message : String(error),
      ...problem,
    }
  }
  const fetchTile = async (tile: Tile, index: number): Promise<Fetched> => {
    const path = tilePath(tile)
    try {
      const data = await client.tile(tile)
      fetched++
      const expected = tile.kind === 'hashes' ? tile.width * HASH_SIZE : data.length
      if (data.length === expected) return { data }
      return {
        problem: { kind: 'malformed-tile', message: `${data.length} bytes, want ${expected}`, index, path },
      }
    } catch (error) {
      return { problem: unavailable(error, { index, path }) }
    }
  }

  let note: string
  try {
    note = await client.checkpoint()
  } catch (error) {
    return { ok: false, problem: unavailable(error, { path: 'checkpoint' }) }
  }
  const fail = (problem: LogProblem): VerifyLogReturnType => ({ ok: false, checkpoint: note, problem })
  let head: TreeHead
  try {
    head = await verifyCheckpoint(note)
    if (!validHead(head)) throw new InvalidInputError('the checkpoint verifier returned an invalid tree head')
  } catch (error) {
    return fail({ kind: 'bad-signature', message: error instanceof Error ? error.message : String(error) })
  }
  const { size, rootHash } = head
  const pending = [...anchors].sort((a, b) => a.size - b.size)
  const beyond = pending.find((anchor) => anchor.size > size)
  if (beyond) {
    return fail({
      kind: 'anchor-beyond-checkpoint',
      message: `the log's checkpoint (size ${size}) is behind an anchored tree head`,
      size: beyond.size,
    })
  }

  const closed: CompactRangeNode[] = []
  const range = createCompactRange({
    onNode: (node) => {
      if (node.level > 0 && node.level % TILE_HEIGHT === 0) closed.push(node)
    },
  })
  const checkAnchors = (): LogProblem | undefined => {
    while (pending[0]?.size === range.size) {
      const anchor = pending.shift()!
      if (!equalBytes(range.root(), anchor.rootHash)) {
        return {
          kind: 'anchor-mismatch',
          message: 'the tree at the anchored size has another root',
          size: anchor.size,
        }
      }
    }
    return undefined
  }
  // Tiles above level 0: the one in use at each level, fetched when its first hash closes.
  const upper = new Map<number, { index: number; data: Uint8Array }>()
  const checkClosed = async (): Promise<LogProblem | undefined> => {
    for (const node of closed.splice(0)) {
      const level = node.level / TILE_HEIGHT
      const tile = tileForSize({ kind: 'hashes', level, index: Math.floor(node.index / TILE_WIDTH), size })!
      const first = node.index * TILE_WIDTH ** level
      if (upper.get(level)?.index !== tile.index) {
        const got = await fetchTile(tile, tile.index * TILE_WIDTH ** (level + 1))
        if ('problem' in got) return got.problem
        upper.set(level, { index: tile.index, data: got.data })
      }
      const at = (node.index % TILE_WIDTH) * HASH_SIZE
      if (!equalBytes(upper.get(level)!.data.subarray(at, at + HASH_SIZE), node.hash)) {
        const message = 'a tile hash differs from the hash recomputed from the entries'
        return { kind: 'tile-mismatch', message, index: first, level, path: tilePath(tile) }
      }
    }
    return undefined
  }

  const initial = checkAnchors()
  if (initial) return fail(initial)
  const bundleCount = Math.ceil(size / TILE_WIDTH)
  const inflight = new Map<number, Promise<[Fetched, Fetched]>>()
  let next = 0
  for (let k = 0; k < bundleCount; k++) {
    for (; next < bundleCount && next < k + concurrency; next++) {
      const bundle = tileForSize({ kind: 'entries', level: 0, index: next, size })!
      const start = next * TILE_WIDTH
      const pair = Promise.all([fetchTile(bundle, start), fetchTile({ ...bundle, kind: 'hashes' }, start)])
      // Rejects only on abort; the one awaited rethrows it, the ones left behind must not go unhandled.
      pair.catch(() => undefined)
      inflight.set(next, pair)
    }
    const [bundle, tile] = await inflight.get(k)!
    inflight.delete(k)
    if ('problem' in bundle) return fail(bundle.problem)
    if ('problem' in tile) return fail(tile.problem)
    const start = k * TILE_WIDTH
    const width = tile.data.length / HASH_SIZE
    const path = tilePath({ kind: 'entries', level: 0, index: k, width })
    const entries: Uint8Array[] = []
    let malformed: string | undefined
    try {
      for (const entry of parseEntryBundle(bundle.data)) entries.push(entry)
    } catch (error) {
      malformed = error instanceof Error ? error.message : String(error)
    }
    for (const [offset, entry] of entries.slice(0, width).entries()) {
      const leafHash = hashLeaf(entry)
      if (!equalBytes(leafHash, tile.data.subarray(offset * HASH_SIZE, (offset + 1) * HASH_SIZE))) {
        const message = "the entry's hash differs from its level-0 tile hash"
        return fail({ kind: 'entry-hash-mismatch', message, index: start + offset, path })
      }
      range.append(leafHash)
      const problem = (closed.length > 0 ? await checkClosed() : undefined) ?? checkAnchors()
      if (problem) return fail(problem)
    }
    if (malformed !== undefined || entries.length !== width) {
      const message = malformed ?? `${entries.length} entries, want ${width}`
      return fail({ kind: 'malformed-bundle', message, index: start + Math.min(entries.length, width), path })
    }
  }
  if (!equalBytes(range.root(), rootHash)) {
    return fail({
      kind: 'root-mismatch',
      message: "the entries' tree root differs from the checkpoint's",
      size,
    })
  }
  return { ok: true, checkpoint: note, size, rootHash, fetched }
}

function validHead(head: TreeHead): boolean {
  return (
    Number.isSafeInteger(head?.size) &&
    head.size >= 0 &&
    head.rootHash instanceof Uint8Array &&
    head.rootHash.length === HASH_SIZE
  )
}
