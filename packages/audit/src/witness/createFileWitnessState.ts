import { randomBytes } from 'node:crypto'
import { open, readFile, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { decodeBase64 } from '../encoding/decodeBase64.ts'
import { encodeBase64 } from '../encoding/encodeBase64.ts'
import { StorageError } from '../errors/AuditError.ts'
import { sameWitnessLogState } from './sameWitnessLogState.ts'
import type { WitnessLogState } from './WitnessLogState.ts'
import type { WitnessState } from './WitnessState.ts'

/** Parameters of {@link createFileWitnessState}. */
export type CreateFileWitnessStateParameters = {
  /** The JSON file; created on the first update. Its directory must exist. */
  path: string
}

type StateFile = { version: 1; logs: Record<string, { size: number; rootHash: string }> }

/**
 * A {@link WitnessState} kept in one JSON file, `{"version":1,"logs":{"<origin>":{"size":…,"rootHash":"<base64>"}}}`.
 * Each update rewrites it atomically: a temporary file in the same directory is written and fsynced, renamed
 * over the file, and the directory is fsynced, so a crash leaves the old or the new state, never a torn one.
 * Updates are serialized within the process; do not share the file between processes. A corrupt file raises
 * {@link StorageError}.
 *
 * @example
 * const state = createFileWitnessState({ path: '/var/lib/witness/state.json' })
 */
export function createFileWitnessState({ path }: CreateFileWitnessStateParameters): WitnessState {
  let queue: Promise<unknown> = Promise.resolve()
  const serialized = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task)
    queue = run.catch(() => undefined)
    return run
  }
  return {
    async read(origin) {
      return toState((await load(path)).logs[origin], origin)
    },
    update({ origin, expected, next }) {
      return serialized(async () => {
        const file = await load(path)
        if (!sameWitnessLogState(toState(file.logs[origin], origin), expected)) return false
        file.logs[origin] = { size: next.size, rootHash: encodeBase64(next.rootHash) }
        await writeAtomically(path, `${JSON.stringify(file, null, 2)}\n`)
        return true
      })
    },
  }
}

async function load(path: string): Promise<StateFile> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, logs: {} }
    throw new StorageError('cannot read witness state', { details: path, cause: error })
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (cause) {
    throw new StorageError('witness state is not JSON', { details: path, cause })
  }
  const file = parsed as Partial<StateFile> | null
  if (file?.version !== 1 || typeof file.logs !== 'object' || file.logs === null)
    throw new StorageError('witness state has an unknown format', { details: path })
  const logs: StateFile['logs'] = Object.create(null)
  for (const [origin, entry] of Object.entries(file.logs)) {
    toState(entry, origin)
    logs[origin] = entry
  }
  return { version: 1, logs }
}

function toState(entry: StateFile['logs'][string] | undefined, origin: string): WitnessLogState | undefined {
  if (entry === undefined) return undefined
  const rootHash = typeof entry.rootHash === 'string' ? decodeBase64(entry.rootHash) : undefined
  if (!Number.isSafeInteger(entry.size) || entry.size < 0 || rootHash?.length !== 32)
    throw new StorageError('witness state holds an invalid entry', { details: origin })
  return { size: entry.size, rootHash }
}

async function writeAtomically(path: string, contents: string): Promise<void> {
  const directory = dirname(path)
  const temporary = join(directory, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const handle = await open(temporary, 'wx', 0o600)
    try {
      await handle.writeFile(contents)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temporary, path)
  } catch (cause) {
    await rm(temporary, { force: true })
    throw new StorageError('cannot write witness state', { details: path, cause })
  }
  try {
    const dir = await open(directory, 'r')
    try {
      await dir.sync()
    } finally {
      await dir.close()
    }
  } catch (cause) {
    throw new StorageError('cannot sync the witness state directory', { details: directory, cause })
  }
}
