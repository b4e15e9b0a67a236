import { iSextantGuardModuleAbi } from '@sextant/chain/generated/ISextantGuardModule'
import { type Address, getAbiItem, getAddress, type Hex } from 'viem'
import { VaultChainError } from '../errors/VaultError.ts'
import type { TokenRule } from '../policy/Policy.ts'
import type { EncodedCondition } from '../sdk/encodeConditions.ts'
import type { VaultClient } from './VaultClient.ts'

/** Parameters of {@link readModulePolicy}. */
export type ReadModulePolicyParameters = {
  module: Address
  /**
   * First block to scan for `RecipientSet` / `TargetFunctionSet` events: the vault's `deployBlock` (default 0,
   * the whole chain, for a vault saved without it).
   */
  fromBlock?: bigint | undefined
  /** Most blocks one `eth_getLogs` request spans (default 10,000): lower it for a node with a smaller limit. */
  logRange?: bigint | undefined
}

const allowlistEvents = [
  getAbiItem({ abi: iSextantGuardModuleAbi, name: 'RecipientSet' }),
  getAbiItem({ abi: iSextantGuardModuleAbi, name: 'TargetFunctionSet' }),
] as const

/** An allowlisted (target, selector) as the module holds it. */
export type ModuleCallRule = { target: Address; selector: Hex; conditions: readonly EncodedCondition[] }

/** Return type of {@link readModulePolicy}: the spending rules in force on the module now. */
export type ReadModulePolicyReturnType = {
  rules: TokenRule[]
  recipients: Address[]
  calls: ModuleCallRule[]
}

/**
 * Reads the spending rules the module enforces now: every token rule (`tokens()` + `tokenRule`), every
 * allowlisted recipient and every allowlisted (target, selector) with its conditions. The module keeps no list
 * of the last two, so the candidates come from its `RecipientSet` / `TargetFunctionSet` events (the only way
 * either is granted) and each is then read back from the module's views, which decide. The events are fetched
 * from `fromBlock` to the current head in ranges of at most `logRange` blocks, one after the other, so nodes that
 * limit `eth_getLogs` ranges answer.
 *
 * @example
 * const { rules, recipients, calls } = await readModulePolicy(client, {
 *   module: vault.module,
 *   fromBlock: BigInt(vault.deployBlock ?? 0),
 * })
 */
export async function readModulePolicy(
  client: Pick<VaultClient, 'publicClient'>,
  parameters: ReadModulePolicyParameters,
): Promise<ReadModulePolicyReturnType> {
  const { publicClient } = client
  const { module, fromBlock = 0n, logRange = 10_000n } = parameters
  if (logRange < 1n || fromBlock < 0n)
    throw new VaultChainError('invalid log range', {
      details: `from block ${fromBlock}, ${logRange} per request`,
    })
  const [tokens, head] = await Promise.all([
    publicClient.readContract({ address: module, abi: iSextantGuardModuleAbi, functionName: 'tokens' }),
    publicClient.getBlockNumber({ cacheTime: 0 }),
  ])
  const granted: Address[] = []
  const targets = new Map<string, { target: Address; selector: Hex }>()
  for (let from = fromBlock; from <= head; from += logRange) {
    const to = from + logRange - 1n < head ? from + logRange - 1n : head
    const logs = await publicClient
      .getLogs({ address: module, events: allowlistEvents, fromBlock: from, toBlock: to, strict: true })
      .catch((cause: unknown) => {
        throw new VaultChainError("cannot read the module's allowlist events", {
          details: `blocks ${from}..${to} (a node with a smaller range limit needs a smaller log range)`,
          cause,
        })
      })
    for (const log of logs) {
      if (log.eventName === 'RecipientSet') {
        if (log.args.allowed) granted.push(log.args.recipient)
      } else {
        const target = getAddress(log.args.target)
        targets.set(`${target}:${log.args.selector}`, { target, selector: log.args.selector })
      }
    }
  }
  const candidates = unique(granted)
  const [rules, recipients, calls] = await Promise.all([
    Promise.all(
      tokens.map(async (token): Promise<TokenRule> => {
        const r = await publicClient.readContract({
          address: module,
          abi: iSextantGuardModuleAbi,
          functionName: 'tokenRule',
          args: [token],
        })
        return { token: getAddress(token), ...r }
      }),
    ),
    Promise.all(
      candidates.map(async (account) =>
        (await publicClient.readContract({
          address: module,
          abi: iSextantGuardModuleAbi,
          functionName: 'isRecipient',
          args: [account],
        }))
          ? [account]
          : [],
      ),
    ),
    Promise.all(
      [...targets.values()].map(async ({ target, selector }) => {
        const [allowed, conditions] = await publicClient.readContract({
          address: module,
          abi: iSextantGuardModuleAbi,
          functionName: 'targetFunction',
          args: [target, selector],
        })
        return allowed ? [{ target, selector, conditions }] : []
      }),
    ),
  ])
  return { rules, recipients: recipients.flat(), calls: calls.flat() }
}

function unique(addresses: readonly Address[]): Address[] {
  return [...new Set(addresses.map((a) => getAddress(a)))]
}
