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
