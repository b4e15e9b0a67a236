import type { DecodedPumpfunInstruction } from './decodePumpfunInstruction.ts'
import type { PumpfunEvent, UnrecognizedEvent } from './PumpfunEvent.ts'

/**
 * A pump.fun instruction found in the transaction (top-level or inner; the self-CPI event instructions
 * are reported as events instead), with its main accounts picked out by IDL position.
 *
 * @example
 * const buys = tx.instructions.filter((ix) => ix.name === 'buy' || ix.name === 'buy_v2')
 */
export type PumpfunInstruction = DecodedPumpfunInstruction & {
  accounts: (string | null)[]
  keyAccounts: { mint?: string; bondingCurve?: string; user?: string; pool?: string }
  topLevelIndex: number
  /** `undefined` for a top-level instruction. */
  innerIndex: number | undefined
  /** Program that called pump.fun through CPI; `undefined` at top level or when it cannot be told. */
  invokedBy: string | undefined
}

/**
 * What could be wrong or unusual about the input. Nothing here makes decoding fail.
 *
 * @example
 * if (tx.flags.unknownLayout) alert('pump.fun changed an event layout')
 */
export type PumpfunFlags = {
  /** `meta.err` is set: the transaction failed, nothing it emitted counts and `events` is empty. */
  failed: boolean
  /** The response has no `meta`: no logs, no inner instructions, no error status. */
  metaMissing: boolean
  logsMissing: boolean
  logsTruncated: boolean
  innerInstructionsMissing: boolean
  /** Account indexes beyond the known keys (lookup tables without `meta.loadedAddresses`). */
  unresolvedAccounts: boolean
  /** Some event had a layout never seen before (decoded as far as known; see its `layout`). */
  unknownLayout: boolean
  /** `Program data:` lines written by other programs and ignored (other launchpads reuse the discriminators). */
  foreignDataLines: number
  /** Log lines that did not fit the invocation stack. */
  logAnomalies: number
}

/**
 * The decoded view of one transaction for pump.fun.
 *
 * @example
 * const tx: PumpfunTransaction = decodePumpfunTransaction({ transaction: response })
 */
export type PumpfunTransaction = {
  signature: string | undefined
  slot: number | undefined
  blockTime: number | undefined
  version: 'legacy' | number | undefined
  encoding: 'json' | 'jsonParsed' | 'base64' | 'base58'
  /** Whether pump.fun was invoked at all (top level or CPI). */
  touchesPumpfun: boolean
  /** `meta.err` as returned (`null` on success). */
  err: unknown
  events: PumpfunEvent[]
  instructions: PumpfunInstruction[]
  unrecognizedEvents: UnrecognizedEvent[]
  flags: PumpfunFlags
}
