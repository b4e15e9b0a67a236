import { expect } from 'vitest'
import { createMemoryTree } from '../../tree/createMemoryTree.ts'
import { hashLeaf } from '../../tree/hashLeaf.ts'
import { storedHashCount } from '../../tree/storedHashCount.ts'
import { treeHash } from '../../tree/treeHash.ts'
import type { LogStorage } from '../LogStorage.ts'
import { writerEntry } from './writerEntry.ts'

/** Parameters of {@link verifyWriterLog}. */
export type VerifyWriterLogParameters = {
  /** Every acknowledgement printed by the writers, tagged with the writer. */
  acks: readonly { writer: string; index: number; seq: number }[]
  /** Rows in the backend's hashes table for this log, counted with SQL. */
  storedHashRows: number
  /** Entry size the writers used. */
  entryBytes: number
}

/** What {@link verifyWriterLog} returns: a summary for the test's log. */
export type VerifyWriterLogReturnType = { size: number; acknowledged: number }

const chunk = 20_000
const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.compare(a, b) === 0

/**
 * Checks a log written by test writers (possibly killed): every acknowledged index holds exactly its entry,
 * every entry is a well-formed writer entry appended once, indexes are dense, the hashes table holds exactly
 * storedHashCount(size) rows equal to those of a memory tree rebuilt from the entries, and the root matches.
 *
 * @example
 * await verifyWriterLog(storage, { acks, storedHashRows, entryBytes: 200 })
 */
export async function verifyWriterLog(
  storage: LogStorage,
  { acks, storedHashRows, entryBytes }: VerifyWriterLogParameters,
): Promise<VerifyWriterLogReturnType> {
  const size = await storage.size()
  const entries: Uint8Array[] = []
  for (let at = 0; at < size; at += chunk)
    entries.push(...(await storage.readEntries(at, Math.min(size, at + chunk))))
  expect(entries.length).toBe(size)

  const seen = new Set<string>()
  const decoder = new TextDecoder()
  entries.forEach((data, index) => {
    const [writer, seq] = decoder.decode(data.subarray(0, 40)).split(':')
    const key = `${writer}:${seq}`
    expect(seen.has(key), `entry ${key} appended twice`).toBe(false)
    seen.add(key)
    expect(same(data, writerEntry(writer!, Number(seq), entryBytes).data), `entry ${index} malformed`).toBe(
      true,
    )
  })
  const indexes = new Set<number>()
  for (const { writer, index, seq } of acks) {
    expect(indexes.has(index), `index ${index} acknowledged twice`).toBe(false)
    indexes.add(index)
    expect(index, `acknowledged index ${index} beyond size ${size}`).toBeLessThan(size)
    const expected = writerEntry(writer, seq, entryBytes).data
    expect(same(entries[index]!, expected), `acknowledged index ${index} holds another entry`).toBe(true)
  }
  for (const { writer, index, seq } of acks.filter((_, i) => i % Math.ceil(acks.length / 200) === 0)) {
    expect(await storage.getSecret(index)).toEqual(writerEntry(writer, seq, entryBytes).secret)
  }

  expect(storedHashRows).toBe(storedHashCount(size))
  const memory = createMemoryTree()
  for (const data of entries) await memory.append(hashLeaf(data))
  const count = storedHashCount(size)
  for (let at = 0; at < count; at += chunk) {
    const wanted = Array.from({ length: Math.min(chunk, count - at) }, (_, i) => at + i)
    const [stored, rebuilt] = [await storage.readHashes(wanted), await memory.readHashes(wanted)]
    const wrong = wanted.findIndex((_, i) => !same(stored[i]!, rebuilt[i]!))
    expect(wrong, `stored hash ${at + wrong} differs from the rebuilt tree`).toBe(-1)
  }
  expect(await treeHash(storage, { size })).toEqual(await treeHash(memory, { size }))
  return { size, acknowledged: acks.length }
}
