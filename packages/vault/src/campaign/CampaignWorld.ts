import type { Address } from 'viem'

/**
 * The addresses a campaign plays with: the vault, its tokens, the allowlisted payees, and the attacker's
 * addresses (which must never receive anything or be approved for anything).
 *
 * @example
 * const world: CampaignWorld = await setupCampaign(chain)
 */
export type CampaignWorld = {
  safe: Address
  module: Address
  multiSend: Address
  /** WETH9 and a permit-capable ERC-20 (`VT`), both with rules. */
  weth: Address
  vt: Address
  /** A token without a rule (default deny). */
  stray: Address
  permit2: Address
  alice: Address
  bob: Address
  /** Allowlisted contract recipient that tries to reenter the module when paid. */
  reenterer: Address
  /** A DEX-like contract that pulls tokens through allowances (not allowlisted). */
  pullTarget: Address
  /** Attacker-controlled addresses. */
  attackers: readonly Address[]
  owners: readonly Address[]
}
