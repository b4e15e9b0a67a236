import type { Address } from 'viem'
import type { PolicyFailure } from '../check/Leaf.ts'
import { formatAmount } from '../decode/formatAmount.ts'
import type { TokenInfo } from '../policy/TokenInfo.ts'

/**
 * Turns a module failure (error name and arguments) into a sentence a person can act on.
 *
 * @example
 * explainFailure({ rule: 'PerTxCapExceeded', args: [usdc, 200000000n, 100000000n] }, tokens)
 * // 'one payment of 200 USDC is above the per-payment cap of 100 USDC'
 */
export function explainFailure(failure: PolicyFailure, tokens: readonly TokenInfo[] = []): string {
  const a = failure.args
  const fmt = (amount: unknown, token: unknown) => formatAmount(amount as bigint, token as Address, tokens)
  switch (failure.rule) {
    case 'SetupPhase':
      return 'the vault is still in its setup phase (the Safe has not sealed the module)'
    case 'Paused':
      return 'the vault is paused'
    case 'InvalidSessionKey':
      return `session key ${a[0]} is unknown or revoked`
    case 'SessionKeyOutsideValidity':
      return `session key ${a[0]} is valid only from ${a[1]} to ${a[2]} (unix time)`
    case 'SessionKeyUsesExhausted':
      return `session key ${a[0]} used all of its ${a[1]} uses`
    case 'RateLimited':
      return `session key ${a[0]} made ${a[1]} calls within the last ${a[2]} seconds`
    case 'PerTxCapExceeded':
      return `one payment of ${fmt(a[1], a[0])} is above the per-payment cap of ${fmt(a[2], a[0])}`
    case 'WindowCapExceeded':
      return `${fmt(a[1], a[0])} already spent in the rolling window + ${fmt(a[2], a[0])} is above the window cap of ${fmt(a[3], a[0])}`
    case 'WindowLedgerFull':
      return `too many separate spends of ${a[0]} inside the window`
    case 'KeyBudgetExceeded':
      return `the session key's budget of ${fmt(a[4], a[1])} would be exceeded (${fmt(a[2], a[1])} spent + ${fmt(a[3], a[1])})`
    case 'CoSignatureRequired':
      return `${fmt(a[1], a[0])} is above the approval threshold of ${fmt(a[2], a[0])}: an owner must co-sign`
    case 'RecipientNotAllowed':
      return `${a[0]} is not on the recipient allowlist`
    case 'TokenNotAllowed':
      return `token ${a[0]} has no rule in the policy (default deny)`
    case 'TargetNotAllowed':
      return `function ${a[1]} on ${a[0]} is not allowlisted (default deny)`
    case 'SelectorDenied':
      return `function ${a[1]} on ${a[0]} is never allowed`
    case 'ConditionFailed':
      return `argument ${a[2]} of ${a[1]} on ${a[0]} fails its condition`
    case 'SelfCallDenied':
      return `a call to the Safe or the module itself (${a[0]}) is never allowed`
    case 'DelegateCallDenied':
      return `a delegatecall to ${a[0]} inside a batch is never allowed`
    case 'TransferFromNotSafe':
      return `transferFrom must take tokens from the Safe, not from ${a[0]}`
    case 'BatchTooDeep':
      return 'batches are nested too deep'
    case 'TooManyCalls':
      return 'too many calls in one batch'
    case 'MalformedBatch':
      return 'the batch does not parse (or sends value to the batch itself)'
    case 'MalformedCalldata':
      return `calldata for ${a[1]} on ${a[0]} is malformed`
    default:
      return `${failure.rule}${a.length ? ` (${a.map(String).join(', ')})` : ''}`
  }
}
