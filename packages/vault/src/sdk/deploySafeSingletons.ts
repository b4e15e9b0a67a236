import { deployContract } from '@sextant/chain/deploy/deployContract'
import {
  compatibilityFallbackHandlerAbi,
  compatibilityFallbackHandlerBytecode,
} from '@sextant/chain/generated/CompatibilityFallbackHandler'
import { multiSendCallOnlyAbi, multiSendCallOnlyBytecode } from '@sextant/chain/generated/MultiSendCallOnly'
import { safeAbi, safeBytecode } from '@sextant/chain/generated/Safe'
import { safeProxyFactoryAbi, safeProxyFactoryBytecode } from '@sextant/chain/generated/SafeProxyFactory'
import type { VaultClient } from '../chain/VaultClient.ts'
import type { SafeSingletons } from './Vault.ts'

/**
 * Deploys the Safe v1.5.0 singleton, proxy factory, MultiSendCallOnly and fallback handler (from
 * `@safe-global/safe-smart-account`) on a chain that has none, e.g. a fresh anvil.
 *
 * @example
 * const singletons = await deploySafeSingletons(client)
 */
export async function deploySafeSingletons(client: VaultClient): Promise<SafeSingletons> {
  const safe = await deployContract(client, { abi: safeAbi, bytecode: safeBytecode })
  const proxyFactory = await deployContract(client, {
    abi: safeProxyFactoryAbi,
    bytecode: safeProxyFactoryBytecode,
  })
  const multiSendCallOnly = await deployContract(client, {
    abi: multiSendCallOnlyAbi,
    bytecode: multiSendCallOnlyBytecode,
  })
  const fallbackHandler = await deployContract(client, {
    abi: compatibilityFallbackHandlerAbi,
    bytecode: compatibilityFallbackHandlerBytecode,
  })
  return { safe, proxyFactory, multiSendCallOnly, fallbackHandler }
}
