import { decodePumpfunInstruction } from './decodePumpfunInstruction.ts'
import { isSelfCpiEvent } from './isSelfCpiEvent.ts'
import type { NormalizedTransaction } from './NormalizedTransaction.ts'
import type { PumpfunInstruction } from './PumpfunTransaction.ts'
import { type AccountPositions, PUMPFUN_INSTRUCTIONS, PUMPFUN_PROGRAM_ID } from './pumpfunLayouts.ts'
import type { InvocationTree } from './resolveInvocations.ts'

/** Result of {@link collectPumpfunInstructions}. */
export type CollectPumpfunInstructionsReturnType = {
  instructions: PumpfunInstruction[]
  /** Index in `instructions` by index in the transaction's flattened instruction list. */
  byFlatIndex: Map<number, number>
}

function keyAccounts(ix: PumpfunInstruction): PumpfunInstruction['keyAccounts'] {
  const positions: AccountPositions = ix.name === undefined ? {} : PUMPFUN_INSTRUCTIONS[ix.name].accounts
  const out: PumpfunInstruction['keyAccounts'] = {}
  for (const [role, position] of Object.entries(positions)) {
    const address = ix.accounts[position]
    if (typeof address === 'string') out[role as keyof typeof out] = address
  }
  return out
}

/**
 * Decodes every pump.fun instruction of a transaction, top-level or called through CPI, except the
 * self-CPI event carriers (those are events). `invokedBy` names the calling program for CPIs.
 *
 * @example
 * const { instructions } = collectPumpfunInstructions(tx, resolveInvocations(tx.instructions, frames))
 */
export function collectPumpfunInstructions(
  tx: NormalizedTransaction,
  tree: InvocationTree,
): CollectPumpfunInstructionsReturnType {
  const instructions: PumpfunInstruction[] = []
  const byFlatIndex = new Map<number, number>()
  for (const [k, ix] of tx.instructions.entries()) {
    if (ix.programId !== PUMPFUN_PROGRAM_ID || ix.data === undefined || isSelfCpiEvent(ix)) continue
    const parent = tree.parents[k]
    const decoded: PumpfunInstruction = {
      ...decodePumpfunInstruction(ix.data),
      accounts: ix.accounts,
      keyAccounts: {},
      topLevelIndex: ix.topLevelIndex,
      innerIndex: ix.innerIndex,
      invokedBy: parent === undefined ? undefined : tx.instructions[parent]?.programId,
    }
    decoded.keyAccounts = keyAccounts(decoded)
    byFlatIndex.set(k, instructions.length)
    instructions.push(decoded)
  }
  return { instructions, byFlatIndex }
}
