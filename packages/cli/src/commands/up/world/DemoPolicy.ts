import type { Address } from 'viem'

/** The demo world's payment policy (ETH amounts in wei). */
export type DemoPolicy = {
  allowlist: readonly Address[]
  perTxCap: bigint
  windowCap: bigint
  windowSeconds: number
  /** Payments above this wait for a human co-signature. */
  approvalAbove: bigint
  approvalTtlMs: number
}

/**
 * The policy in words, as the dashboard shows it.
 *
 * @example
 * describePolicy(policy) // ['default deny: only allowlisted recipients', …]
 */
export function describePolicy(p: DemoPolicy, eth: (wei: bigint) => string): string[] {
  return [
    `default deny: only ${p.allowlist.length} allowlisted recipient(s) can be paid`,
    `at most ${eth(p.perTxCap)} ETH per payment`,
    `at most ${eth(p.windowCap)} ETH in any rolling ${p.windowSeconds / 60} minutes (exact window, no reset burst)`,
    `payments above ${eth(p.approvalAbove)} ETH wait for a human co-signature, valid ${p.approvalTtlMs / 60_000} minutes, single use`,
    'recipients taken from web or other untrusted content are refused unless allowlisted',
    'every attempt — allowed, waiting, denied — is written to the audit log with its rule',
  ]
}
