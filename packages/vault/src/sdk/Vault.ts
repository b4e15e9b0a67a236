import type { Address } from 'viem'

/**
 * A deployed vault: the Safe, its guard module, and the addresses of the Safe contracts used (so later calls
 * and other tools find them). What `createVault` returns and `sextant vault` saves.
 *
 * @example
 * const vault: Vault = await createVault(client, { owners: [alice], policy })
 */
export type Vault = {
  chainId: number
  safe: Address
  module: Address
  owners: readonly Address[]
  threshold: number
  /**
   * Block the vault's Safe was created in (the guard module is deployed after it, so none of the module's events
   * is older): where `setPolicy` starts reading the module's events. Absent in vault files saved before it was
   * recorded; reads then start at block 0.
   */
  deployBlock?: number
  /** The first session key, when `createVault` made one. */
  sessionKey?: Address
  singletons: SafeSingletons
}

/** Addresses of the Safe v1.5.0 contracts on this chain. */
export type SafeSingletons = {
  safe: Address
  proxyFactory: Address
  multiSendCallOnly: Address
  fallbackHandler: Address
}
