import type { Account, Chain, PublicClient, Transport, WalletClient } from 'viem'

/** What the anchor functions need from a chain connection (see `connectChain` in `@sextant/chain`). */
export type AnchorClient = {
  publicClient: PublicClient<Transport, Chain>
  walletClient: WalletClient<Transport, Chain, Account>
}
