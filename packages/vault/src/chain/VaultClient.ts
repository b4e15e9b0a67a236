import type { ConnectChainReturnType } from '@sextant/chain/clients/connectChain'

/**
 * What the vault SDK needs from a chain connection (`connectChain` in `@sextant/chain` returns it): a public
 * client to read and simulate, a wallet client to send.
 *
 * @example
 * const client: VaultClient = await connectChain()
 */
export type VaultClient = Pick<ConnectChainReturnType, 'publicClient' | 'walletClient'>
