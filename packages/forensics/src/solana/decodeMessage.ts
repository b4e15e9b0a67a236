import { DecodeError } from '../errors/ForensicsError.ts'
import { isRecord } from './isRecord.ts'
import type { NormalizedInstruction, NormalizedTransaction } from './NormalizedTransaction.ts'
import { normalizeInstruction } from './normalizeInstruction.ts'
import { readTransactionBody } from './readTransactionBody.ts'

function stringList(value: unknown, what: string): string[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new DecodeError(`${what} is not a list of addresses`)
  }
  return value
}

function innerByIndex(meta: Record<string, unknown> | undefined): Map<number, unknown[]> {
  const groups = new Map<number, unknown[]>()
  const inner = meta?.innerInstructions
  if (inner === undefined || inner === null) return groups
  if (!Array.isArray(inner)) throw new DecodeError('meta.innerInstructions is not an array')
  for (const [i, group] of inner.entries()) {
    if (!isRecord(group) || typeof group.index !== 'number' || !Array.isArray(group.instructions)) {
      throw new DecodeError(`meta.innerInstructions[${i}] has no index or instructions`)
    }
    groups.set(group.index, group.instructions)
  }
  return groups
}

function optionalNumber(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined
}

/**
 * Normalizes a `getTransaction` result (any encoding, legacy or v0) into a {@link NormalizedTransaction}:
 * account keys resolved (static, then `meta.loadedAddresses` writable and readonly), top-level and inner
 * instructions flattened in execution order, logs and error status kept.
 *
 * @example
 * const tx = decodeMessage(unwrapRpcResponse(response))
 * tx.instructions.filter((ix) => ix.programId === PUMPFUN_PROGRAM_ID)
 */
export function decodeMessage(result: Record<string, unknown>): NormalizedTransaction {
  const meta = isRecord(result.meta) ? result.meta : undefined
  const body = readTransactionBody(result.transaction)
  const loaded = isRecord(meta?.loadedAddresses) ? meta.loadedAddresses : undefined
  const accountKeys =
    body.encoding === 'jsonParsed'
      ? body.keys
      : [
          ...body.keys,
          ...stringList(loaded?.writable, 'meta.loadedAddresses.writable'),
          ...stringList(loaded?.readonly, 'meta.loadedAddresses.readonly'),
        ]
  let unresolvedAccounts = false
  const onUnresolved = () => {
    unresolvedAccounts = true
  }
  const inner = innerByIndex(meta)
  const instructions: NormalizedInstruction[] = []
  for (const [i, raw] of body.instructions.entries()) {
    const where = `transaction.message.instructions[${i}]`
    instructions.push(
      normalizeInstruction({
        raw,
        accountKeys,
        topLevelIndex: i,
        innerIndex: undefined,
        where,
        onUnresolved,
      }),
    )
    for (const [j, rawInner] of (inner.get(i) ?? []).entries()) {
      const innerWhere = `meta.innerInstructions(index ${i})[${j}]`
      const params = { accountKeys, topLevelIndex: i, innerIndex: j, where: innerWhere, onUnresolved }
      instructions.push(normalizeInstruction({ raw: rawInner, ...params }))
    }
  }
  const logs = meta?.logMessages
  return {
    encoding: body.encoding,
    signature: body.signature,
    slot: optionalNumber(result.slot),
    blockTime: optionalNumber(result.blockTime),
    version: body.version ?? (result.version === 'legacy' ? 'legacy' : optionalNumber(result.version)),
    accountKeys,
    instructions,
    logMessages: Array.isArray(logs) ? logs.filter((l): l is string => typeof l === 'string') : undefined,
    err: meta === undefined ? undefined : (meta.err ?? null),
    metaPresent: meta !== undefined,
    innerInstructionsPresent: Array.isArray(meta?.innerInstructions),
    unresolvedAccounts,
  }
}
