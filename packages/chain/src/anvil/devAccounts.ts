import type { Hex } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { bytesToHex } from 'viem/utils'

/** The well-known public development mnemonic anvil uses by default. Never hold real funds with it. */
export const devMnemonic = 'test test test test test test test test test test test junk'

/**
 * Private keys of anvil's default development accounts (derived from {@link devMnemonic}).
 *
 * @example
 * const [deployer, owner, agent] = devPrivateKeys(3)
 */
export function devPrivateKeys(count = 10): Hex[] {
  return Array.from({ length: count }, (_, addressIndex) => {
    const key = mnemonicToAccount(devMnemonic, { addressIndex }).getHdKey().privateKey
    return bytesToHex(key!)
  })
}
