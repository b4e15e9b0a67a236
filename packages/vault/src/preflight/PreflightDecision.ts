import type { Address } from 'viem'
import type { DecodedCall } from '../decode/DecodedCall.ts'
import type { SimulateExecuteReturnType } from '../preflight/simulateExecute.ts'

/**
 * An explained pre-flight decision. `rule` names what decided: `policy.<ModuleError>` (the module's own
 * check, same name as its revert), `provenance.<field>` (the provenance gate), `simulation.<error>` (the
 * simulated execution failed), or `ok`.
 *
 * @example
 * const d: PreflightDecision = { decision: 'deny', rule: 'policy.WindowCapExceeded', reason: 'USDC: 200 already spent in the window + 100 > cap 250', … }
 */
export type PreflightDecision = {
  decision: 'allow' | 'needs-approval' | 'deny'
  rule: string
  reason: string
  /** What the call does, decoded. */
  call: DecodedCall
  /** Per token, what the module will reserve (count against caps, windows and budgets). */
  reservations: { token: Address; amount: bigint }[]
  /** What the module alone says (before the provenance gate): `needs-approval` = its co-signature threshold. */
  moduleOutcome: 'allow' | 'needs-approval' | 'deny'
  /** The block time the decision was made for. */
  now: number
  simulation?: SimulateExecuteReturnType
  /** Milliseconds spent (reads + checks + simulation). */
  elapsedMs: number
}
