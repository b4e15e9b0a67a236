import type { Address } from 'viem'

/**
 * A sample policy file (YAML) for tests, examples and the campaign: ETH and one ERC-20 with caps, a rolling
 * window, an approval threshold, two recipients and allowlisted transfers.
 *
 * @example
 * const policy = parsePolicy(samplePolicyYaml({ usdc, alice, bob }))
 */
export function samplePolicyYaml(addresses: { usdc: Address; alice: Address; bob: Address }): string {
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
  - target: alice
  - target: bob
  - target: USDC
    function: transfer
    conditions:
      - { arg: to, in: recipients }
  - target: USDC
    function: approve
    conditions:
      - { arg: spender, in: [alice] }
rateLimit: 20 per 1h
sessionKey: { validFor: 7d, maxUses: 1000, budget: { ETH: 1 ETH, USDC: 500 USDC } }
timelock: 2d
`
}
