import { DecodeError } from '../errors/ForensicsError.ts'
import { decodeBase58 } from './decodeBase58.ts'
import { isRecord } from './isRecord.ts'
import type { NormalizedInstruction } from './NormalizedTransaction.ts'

/** Parameters of {@link normalizeInstruction}. */
export type NormalizeInstructionParameters = {
  /** JSON instruction (`programIdIndex` form, or `programId` form of `jsonParsed`) or a compiled one. */
  raw: unknown
  accountKeys: readonly string[]
  topLevelIndex: number
  innerIndex: number | undefined
  /** Where the instruction sits in the input, for error messages. */
  where: string
  /** Set to true when an account index cannot be resolved. */
  onUnresolved: () => void
}

function resolveIndexes(p: NormalizeInstructionParameters, indexes: unknown): (string | null)[] {
  if (!Array.isArray(indexes)) throw new DecodeError(`${p.where}.accounts is not an array`)
  return indexes.map((index) => {
    if (typeof index !== 'number') throw new DecodeError(`${p.where}.accounts holds a non-number`)
    const key = p.accountKeys[index]
    if (key === undefined) p.onUnresolved()
    return key ?? null
  })
}

function readData(p: NormalizeInstructionParameters, data: unknown): Uint8Array {
  return data instanceof Uint8Array ? data : decodeBase58(data, `${p.where}.data`)
}

/**
 * Turns one instruction of any `getTransaction` encoding into a {@link NormalizedInstruction}:
 * program and accounts as addresses, data as bytes (`undefined` when the RPC returned it parsed).
 *
 * @example
 * const ix = normalizeInstruction({ raw, accountKeys, topLevelIndex: 0, innerIndex: undefined,
 *   where: 'instructions[0]', onUnresolved: () => {} })
 */
export function normalizeInstruction(p: NormalizeInstructionParameters): NormalizedInstruction {
  const { raw, topLevelIndex, innerIndex } = p
  if (!isRecord(raw)) throw new DecodeError(`${p.where} is not an object`)
  const stackHeight = typeof raw.stackHeight === 'number' ? raw.stackHeight : undefined
  if (typeof raw.programIdIndex === 'number') {
    const programId = p.accountKeys[raw.programIdIndex]
    if (programId === undefined) {
      throw new DecodeError(`${p.where}.programIdIndex is out of range`, { details: `${raw.programIdIndex}` })
    }
    const accounts = resolveIndexes(p, raw.accounts)
    return { programId, accounts, data: readData(p, raw.data), stackHeight, topLevelIndex, innerIndex }
  }
  if (typeof raw.programId !== 'string') throw new DecodeError(`${p.where} has no program id`)
  const accounts = Array.isArray(raw.accounts)
    ? raw.accounts.map((a) => (typeof a === 'string' ? a : null))
    : []
  const data = 'parsed' in raw && raw.data === undefined ? undefined : readData(p, raw.data)
  return { programId: raw.programId, accounts, data, stackHeight, topLevelIndex, innerIndex }
}
