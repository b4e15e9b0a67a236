import type { Address } from 'viem'
import { readModuleSnapshot } from '../chain/readModuleSnapshot.ts'
import { readSwapPairs } from '../chain/readSwapPairs.ts'
import type { VaultClient } from '../chain/VaultClient.ts'
import { type DecideParameters, decide } from './decide.ts'
import type { PreflightDecision } from './PreflightDecision.ts'
import { simulateExecute } from './simulateExecute.ts'

/** Parameters of {@link preflight}. */
export type PreflightParameters = DecideParameters & {
  module: Address
  sessionKey: Address
  /** Block time to judge at (default: the next block's). */
  now?: number
  /** Also simulate the execution and report the Safe's balance changes (default true). */
  simulate?: boolean
}

/**
 * Pre-flight of a payment: reads the module's state as of the next block (and the reserves of any Uniswap V2 pair
 * the call swaps on, so a swap is explained as token in, exact amount out, recipient), decodes the call, runs the
 * module's exact checks and the provenance gate, and (by default) simulates the execution on the chain to
 * get the Safe's balance changes. An `allow` here does not revert on the policy.
 *
 * @example
 * const d = await preflight(client, { module, sessionKey, to: usdc, value: 0n, data, provenance })
 * d.decision // 'allow' | 'needs-approval' | 'deny'
 * d.reason   // 'one payment of 200 USDC is above the per-payment cap of 100 USDC'
 */
export async function preflight(
  client: Pick<VaultClient, 'publicClient'>,
  parameters: PreflightParameters,
): Promise<PreflightDecision> {
  const started = performance.now()
  const { module, sessionKey, to, value, data } = parameters
  const snapshot = await readModuleSnapshot(client, {
    module,
    sessionKey,
    to,
    value,
    data,
    ...(parameters.now !== undefined ? { now: parameters.now } : {}),
  })
  const pairs = await readSwapPairs(client, { safe: snapshot.safe, module, to, value, data })
  const decision = decide(snapshot, { ...parameters, pairs })
  if (parameters.simulate === false || decision.decision === 'deny') {
    return { ...decision, elapsedMs: performance.now() - started }
  }
  const allowedByModule = decision.moduleOutcome === 'allow'
  const simulation = await simulateExecute(client, {
    module,
    safe: snapshot.safe,
    sessionKey,
    to,
    value,
    data,
    now: snapshot.now,
    ...(allowedByModule
      ? {}
      : { leavesFromSafe: decision.call.calls ? flattenLeaves(decision) : [{ to, value, data }] }),
  })
  if (!simulation.ok) {
    return {
      ...decision,
      decision: 'deny',
      rule: `simulation.${simulation.revert}`,
      reason: `the simulated execution failed: ${simulation.revert}`,
      simulation,
      elapsedMs: performance.now() - started,
    }
  }
  return { ...decision, simulation, elapsedMs: performance.now() - started }
}

function flattenLeaves(decision: Omit<PreflightDecision, 'elapsedMs'>) {
  const leaves: { to: Address; value: bigint; data: `0x${string}` }[] = []
  const visit = (call: PreflightDecision['call']) => {
    if (call.calls) for (const inner of call.calls) visit(inner)
    else leaves.push({ to: call.to, value: call.value, data: call.data })
  }
  visit(decision.call)
  return leaves
}
