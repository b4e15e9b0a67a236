import type { Address } from 'viem'

/**
 * The demo vault's policy file (YAML): ETH only, the supplier as the one allowed recipient, 1 ETH per payment,
 * 2 ETH per rolling 10 minutes, an owner co-signature above 0.5 ETH, a session key valid for a year.
 *
 * @example
 * const policy = parsePolicy(demoPolicyYaml({ supplier }))
 */
export function demoPolicyYaml({ supplier }: { supplier: Address }): string {
  return `version: 1
limits:
  ETH: { perTx: 1 ETH, windowCap: 2 ETH, window: 10m, approvalAbove: 0.5 ETH }
recipients:
  supplier: "${supplier}"
sessionKey:
  validFor: 365d
  budget: { ETH: unlimited }
timelock: 1d
`
}
