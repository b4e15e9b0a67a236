import type { Address, Hex } from 'viem'
import { checkExecute } from '../check/checkExecute.ts'
import type { ModuleSnapshot } from '../check/ModuleSnapshot.ts'
import type { PairInfo } from '../decode/DecodedCall.ts'
import { decodeCall } from '../decode/decodeCall.ts'
import type { TokenInfo } from '../policy/TokenInfo.ts'
import { checkProvenance } from '../provenance/checkProvenance.ts'
import type { Provenance } from '../provenance/Provenance.ts'
import { explainFailure } from './explainFailure.ts'
import type { PreflightDecision } from './PreflightDecision.ts'

/** Parameters of {@link decide}. */
export type DecideParameters = {
  to: Address
  value: bigint
  data: Hex
  /** Where each value-moving argument came from; omit only for calls built entirely by the SDK's user. */
  provenance?: Provenance
  /** Token symbols for readable explanations. */
  tokens?: readonly TokenInfo[]
  /** Uniswap V2 pairs the call swaps on (`readSwapPairs`), to explain a swap in tokens. */
  pairs?: Readonly<Record<string, PairInfo>>
}

/**
 * The pre-flight decision over a module snapshot, without touching the chain: decode, the module's exact
 * checks, then the provenance gate. `deny` when the module would revert; `needs-approval` when an owner must
 * co-sign (threshold) or a value came from untrusted content; otherwise `allow`.
 *
 * @example
 * const d = decide(snapshot, { to: usdc, value: 0n, data, provenance: { recipient: 'user', amount: 'user', token: 'user' } })
 */
export function decide(
  snapshot: ModuleSnapshot,
  parameters: DecideParameters,
): Omit<PreflightDecision, 'elapsedMs'> {
  const { to, value, data, tokens = [] } = parameters
  const call = decodeCall({
    to,
    value,
    data,
    tokens,
    self: [snapshot.safe, snapshot.module],
    safe: snapshot.safe,
    ...(parameters.pairs ? { pairs: parameters.pairs } : {}),
  })
  const checked = checkExecute(snapshot, { to, value, data })
  const base = { call, reservations: checked.reservations, moduleOutcome: checked.outcome, now: snapshot.now }
  if (checked.outcome === 'deny') {
    const failure = checked.failure!
    return {
      ...base,
      decision: 'deny',
      rule: `policy.${failure.rule}`,
      reason: explainFailure(failure, tokens),
    }
  }
  if (parameters.provenance) {
    const gate = checkProvenance({
      call,
      provenance: parameters.provenance,
      isAllowlisted: (address) => snapshot.recipients[address.toLowerCase()] === true,
      isKnownToken: (token) => snapshot.rules[token.toLowerCase()] !== undefined,
    })
    if (!gate.ok) {
      return {
        ...base,
        decision: 'needs-approval',
        rule: `provenance.${gate.field}`,
        reason: `${gate.reason}: a human must approve`,
      }
    }
  }
  if (checked.outcome === 'needs-approval') {
    return {
      ...base,
      decision: 'needs-approval',
      rule: 'policy.CoSignatureRequired',
      reason: explainFailure(checked.failure!, tokens),
    }
  }
  return { ...base, decision: 'allow', rule: 'ok', reason: `within policy: ${call.explanation}` }
}
