import { iSextantGuardModuleAbi } from '@sextant/chain/generated/ISextantGuardModule'
import {
  type Address,
  decodeErrorResult,
  decodeEventLog,
  encodeFunctionData,
  getAddress,
  type Hex,
  isAddressEqual,
  parseAbi,
} from 'viem'
import { revertName } from '../chain/revertName.ts'
import type { VaultClient } from '../chain/VaultClient.ts'
import type { Leaf } from '../check/Leaf.ts'
import { NATIVE_TOKEN } from '../policy/TokenInfo.ts'

/** Parameters of {@link simulateExecute}. */
export type SimulateExecuteParameters = {
  module: Address
  safe: Address
  sessionKey: Address
  to: Address
  value: bigint
  data: Hex
  now: number
  /** With a co-signature: simulate `executeWithCoSignature`. */
  coSignature?: { nonce: bigint; expiry: bigint; signature: Hex }
  /** Instead of the module call, run these leaves as plain calls from the Safe (balance changes only). */
  leavesFromSafe?: readonly Leaf[]
}

/** Return type of {@link simulateExecute}. */
export type SimulateExecuteReturnType = {
  ok: boolean
  /** The module error (without `Vault__`) or other revert reason when not ok. */
  revert?: string
  /** Net change of the Safe's balance per token (`0x0…0` = native), from transfer logs. */
  balanceChanges: { token: Address; delta: bigint }[]
  /** Allowances the Safe granted (Approval events). */
  approvals: { token: Address; spender: Address; amount: bigint }[]
  gasUsed: bigint
}

const nativeEmitter = '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE'
const events = parseAbi([
  'event Transfer(address indexed from, address indexed to, uint256 value)',
  'event Approval(address indexed owner, address indexed spender, uint256 value)',
])

/**
 * Simulates the module's `execute` (or `executeWithCoSignature`) from the session key at block time `now`
 * with `eth_simulateV1`, and reads the Safe's balance changes from the ERC-20 and native transfer logs.
 *
 * @example
 * const sim = await simulateExecute(client, { module, safe, sessionKey, to, value, data, now })
 * sim.balanceChanges // [{ token: usdc, delta: -5000000n }]
 */
export async function simulateExecute(
  client: Pick<VaultClient, 'publicClient'>,
  parameters: SimulateExecuteParameters,
): Promise<SimulateExecuteReturnType> {
  const { module, safe, sessionKey, to, value, data, coSignature } = parameters
  const calls = parameters.leavesFromSafe
    ? parameters.leavesFromSafe.map((leaf) => ({
        account: safe,
        to: leaf.to,
        value: leaf.value,
        data: leaf.data,
      }))
    : [
        {
          account: sessionKey,
          to: module,
          data: coSignature
            ? encodeFunctionData({
                abi: iSextantGuardModuleAbi,
                functionName: 'executeWithCoSignature',
                args: [to, value, data, coSignature.nonce, coSignature.expiry, coSignature.signature],
              })
            : encodeFunctionData({
                abi: iSextantGuardModuleAbi,
                functionName: 'execute',
                args: [to, value, data],
              }),
        },
      ]
  const [block] = await client.publicClient.simulateBlocks({
    blocks: [{ calls, blockOverrides: { time: BigInt(parameters.now) } }],
    traceTransfers: true,
    validation: false,
  })
  const results = block!.calls
  const failed = results.find((r) => r.status !== 'success')
  const deltas = new Map<string, bigint>()
  const approvals: SimulateExecuteReturnType['approvals'] = []
  let gasUsed = 0n
  for (const result of results) {
    gasUsed += result.gasUsed
    for (const log of result.logs ?? []) {
      let decoded: { eventName: string; args: Record<string, unknown> }
      try {
        decoded = decodeEventLog({ abi: events, data: log.data, topics: log.topics }) as never
      } catch {
        continue
      }
      const token = isAddressEqual(log.address, nativeEmitter) ? NATIVE_TOKEN : getAddress(log.address)
      const amount = decoded.args.value as bigint
      if (decoded.eventName === 'Transfer') {
        const from = decoded.args.from as Address
        const recipient = decoded.args.to as Address
        const delta =
          (isAddressEqual(recipient, safe) ? amount : 0n) - (isAddressEqual(from, safe) ? amount : 0n)
        if (delta !== 0n) deltas.set(token, (deltas.get(token) ?? 0n) + delta)
      } else if (isAddressEqual(decoded.args.owner as Address, safe)) {
        approvals.push({ token, spender: getAddress(decoded.args.spender as Address), amount })
      }
    }
  }
  const balanceChanges = [...deltas].map(([token, delta]) => ({ token: token as Address, delta }))
  if (!failed) return { ok: true, balanceChanges, approvals, gasUsed }
  let revert = revertName(failed.error)
  if (revert === 'unknown' && failed.data && failed.data !== '0x') {
    try {
      revert = decodeErrorResult({ abi: iSextantGuardModuleAbi, data: failed.data }).errorName.replace(
        /^Vault__/,
        '',
      )
    } catch {}
  }
  return { ok: false, revert, balanceChanges: [], approvals: [], gasUsed }
}
