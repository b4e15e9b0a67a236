import type { Address } from 'viem'

/**
 * A sample policy file (YAML) for tests, examples and the campaign: ETH and one ERC-20 with caps, a rolling
 * window and an approval threshold, two recipients, one allowlisted contract call, session-key limits.
 *
 * @example
 * const policy = parsePolicy(samplePolicyYaml({ usdc, alice, bob, pool }))
 */
export function samplePolicyYaml(addresses: {
  usdc: Address
  alice: Address
  bob: Address
  pool: Address
}): string {
  return `# Sextant vault policy
version: 1
tokens:
  USDC: { address: "${addresses.usdc}", decimals: 6 }
limits:
  ETH: { perTx: 0.5 ETH, windowCap: 1 ETH, window: 24h, approvalAbove: 0.2 ETH }
  USDC: { perTx: 100 USDC, windowCap: 250 USDC, window: 24h, approvalAbove: 50 USDC }
recipients:
  alice: "${addresses.alice}"
  bob: "${addresses.bob}"
calls:
  - target: "${addresses.pool}"
    function: deposit(uint256 amount, address onBehalfOf)
    conditions:
      - { arg: amount, lte: 10 USDC }
      - { arg: onBehalfOf, in: recipients }
sessionKey:
  validFor: 7d
  maxUses: 1000
  rateLimit: 20 per 1h
  budget: { ETH: 1 ETH, USDC: 500 USDC }
timelock: 2d
`
}
