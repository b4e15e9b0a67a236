import { type Address, getAddress, type Hex, hexToBigInt, size, slice, toHex } from 'viem'
import { type Leaf, PolicyRevert } from '../check/Leaf.ts'
import { type ModuleSnapshot, type TokenRuleState, targetKey } from '../check/ModuleSnapshot.ts'
import { unwrapCalls } from '../check/unwrapCalls.ts'
import type { ArgCondition, ConditionOp } from '../policy/Policy.ts'
import { nextBlockTime } from './nextBlockTime.ts'
import { readModule } from './readModule.ts'
import type { VaultClient } from './VaultClient.ts'

/** Parameters of {@link readModuleSnapshot}. */
export type ReadModuleSnapshotParameters = {
  module: Address
  sessionKey: Address
  to: Address
  value: bigint
  data: Hex
  /** Block time to judge at (default: the next block's, see `nextBlockTime`). */
  now?: number
}

const ops: ConditionOp[] = ['eq', 'lte', 'gte', 'inRecipients']

/**
 * Reads from the chain, as of block time `now`, everything the module's checks of this call will read: pause
 * and setup state, the session key, every token rule with its exact window sum and ledger, the key's budgets,
 * the recipient flags of every address the call names, and the allowlist entries of its targets.
 *
 * @example
 * const snapshot = await readModuleSnapshot(client, { module, sessionKey, to: usdc, value: 0n, data })
 */
export async function readModuleSnapshot(
  client: Pick<VaultClient, 'publicClient'>,
  parameters: ReadModuleSnapshotParameters,
): Promise<ModuleSnapshot> {
  const { module, sessionKey } = parameters
  const now = parameters.now ?? (await nextBlockTime(client))
  const read = ((functionName: string, args: readonly unknown[]) =>
    readModule(client, { module, functionName, args, time: now } as never)) as (
    name: string,
    args: readonly unknown[],
  ) => Promise<never>
  const [safe, paused, sealed, key, callsInWindow, tokens] = await Promise.all([
    read('safe', []) as Promise<Address>,
    read('paused', []) as Promise<boolean>,
    read('isSealed', []) as Promise<boolean>,
    read('sessionKey', [sessionKey]) as Promise<{
      config: {
        validAfter: number
        validUntil: number
        maxUses: number
        rateLimitCalls: number
        rateLimitWindow: number
      }
      uses: number
      active: boolean
    }>,
    read('callsInWindow', [sessionKey]) as Promise<bigint>,
    read('tokens', []) as Promise<readonly Address[]>,
  ])
  const leaves: Leaf[] = []
  try {
    unwrapCalls({ safe, module, to: parameters.to, value: parameters.value, data: parameters.data, leaves })
  } catch (error) {
    if (!(error instanceof PolicyRevert)) throw error
  }
  const targets: ModuleSnapshot['targets'] = {}
  const candidates = new Set<string>()
  await Promise.all(
    leaves.map(async (leaf) => {
      candidates.add(leaf.to.toLowerCase())
      for (const word of addressWords(leaf.data)) candidates.add(word)
      if (size(leaf.data) < 4) return
      const selector = slice(leaf.data, 0, 4)
      const [allowed, conditions] = (await read('targetFunction', [leaf.to, selector])) as [
        boolean,
        readonly { paramIndex: number; op: number; value: Hex }[],
      ]
      const list: ArgCondition[] = conditions.map((c) => ({
        index: c.paramIndex,
        op: ops[c.op]!,
        value: hexToBigInt(c.value),
      }))
      targets[targetKey(leaf.to, selector)] = allowed ? list : null
      for (const c of list) {
        if (c.op === 'inRecipients' && size(leaf.data) >= 36 + 32 * c.index) {
          const w = hexToBigInt(slice(leaf.data, 4 + 32 * c.index, 36 + 32 * c.index))
          if (w >> 160n === 0n) candidates.add(toHex(w, { size: 20 }))
        }
      }
    }),
  )
  const recipients: ModuleSnapshot['recipients'] = {}
  const rules: ModuleSnapshot['rules'] = {}
  const budgets: ModuleSnapshot['budgets'] = {}
  await Promise.all([
    ...[...candidates].map(async (account) => {
      recipients[account] = (await read('isRecipient', [getAddress(account)])) as boolean
    }),
    ...tokens.map(async (token) => {
      const [rule, windowSpent, ledger, budget] = await Promise.all([
        read('tokenRule', [token]) as Promise<{
          perTxCap: bigint
          windowCap: bigint
          approvalThreshold: bigint
          windowSeconds: number
        }>,
        read('windowSpent', [token]) as Promise<bigint>,
        read('spendLedger', [token]) as Promise<readonly { timestamp: number; amount: bigint }[]>,
        read('keyBudget', [sessionKey, token]) as Promise<readonly [bigint, bigint]>,
      ])
      if (rule.windowSeconds === 0) return
      const inWindow = ledger.filter((entry) => entry.timestamp > now - rule.windowSeconds)
      const state: TokenRuleState = {
        ...rule,
        windowSpent,
        ledgerInWindow: inWindow.length,
      }
      rules[token.toLowerCase()] = state
      budgets[token.toLowerCase()] = { amount: budget[0], spent: budget[1] }
    }),
  ])
  return {
    now,
    safe: getAddress(safe),
    module: getAddress(module),
    paused,
    sealed,
    sessionKey: {
      address: getAddress(sessionKey),
      active: key.active,
      validAfter: key.config.validAfter,
      validUntil: key.config.validUntil,
      maxUses: key.config.maxUses,
      uses: key.uses,
      rateLimitCalls: key.config.rateLimitCalls,
      rateLimitWindow: key.config.rateLimitWindow,
      callsInWindow: Number(callsInWindow),
    },
    rules,
    budgets,
    recipients,
    targets,
  }
}

/** Every clean address word (upper 96 bits zero, non-zero) among a call's first 8 argument words. */
function addressWords(data: Hex): string[] {
  const words: string[] = []
  const length = size(data)
  for (let i = 0; i < 8 && length >= 36 + 32 * i; i++) {
    const w = hexToBigInt(slice(data, 4 + 32 * i, 36 + 32 * i))
    if (w !== 0n && w >> 160n === 0n) words.push(toHex(w, { size: 20 }))
  }
  return words
}
