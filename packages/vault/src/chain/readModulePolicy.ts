import { iSextantGuardModuleAbi } from '@sextant/chain/generated/ISextantGuardModule'
import { type Address, getAddress, type Hex } from 'viem'
import type { TokenRule } from '../policy/Policy.ts'
import type { EncodedCondition } from '../sdk/encodeConditions.ts'
import type { VaultClient } from './VaultClient.ts'

/** Parameters of {@link readModulePolicy}. */
export type ReadModulePolicyParameters = {
  module: Address
  /**
   * First block to scan for `RecipientSet` / `TargetFunctionSet` events (default 0: the whole chain). On a node
   * that limits log ranges, pass the module's deployment block.
   */
  fromBlock?: bigint | undefined
}

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
 * either is granted) and each is then read back from the module's views, which decide.
 *
 * @example
 * const { rules, recipients, calls } = await readModulePolicy(client, { module })
 */
export async function readModulePolicy(
  client: Pick<VaultClient, 'publicClient'>,
  parameters: ReadModulePolicyParameters,
): Promise<ReadModulePolicyReturnType> {
  const { publicClient } = client
  const { module } = parameters
  const range = {
    address: module,
    abi: iSextantGuardModuleAbi,
    fromBlock: parameters.fromBlock ?? 0n,
  } as const
  const [tokens, recipientLogs, targetLogs] = await Promise.all([
    publicClient.readContract({ address: module, abi: iSextantGuardModuleAbi, functionName: 'tokens' }),
    publicClient.getContractEvents({ ...range, eventName: 'RecipientSet', toBlock: 'latest' }),
    publicClient.getContractEvents({ ...range, eventName: 'TargetFunctionSet', toBlock: 'latest' }),
  ])
  const candidates = unique(recipientLogs.filter((l) => l.args.allowed).map((l) => l.args.recipient!))
  const targets = new Map<string, { target: Address; selector: Hex }>()
  for (const log of targetLogs) {
    const target = getAddress(log.args.target!)
    targets.set(`${target}:${log.args.selector}`, { target, selector: log.args.selector! })
  }
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
