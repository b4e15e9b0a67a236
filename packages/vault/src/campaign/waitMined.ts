import type { ConnectChainReturnType } from '@sextant/chain/clients/connectChain'
import type { Hash, TransactionReceipt } from 'viem'
import { VaultChainError } from '../errors/VaultError.ts'

/**
 * Polls for a transaction's receipt (every 10 ms, up to `timeoutMs`), without waiting for a new block: on an
 * automining node nothing else may ever come, so a receipt missed by the first look would wait forever.
 * Mines a block by hand after half the time in case the node held the transaction.
 *
 * @example
 * const receipt = await waitMined(chain, hash)
 */
export async function waitMined(
  chain: ConnectChainReturnType,
  hash: Hash,
  timeoutMs = 20_000,
): Promise<TransactionReceipt> {
  const started = Date.now()
  let mined = false
  while (Date.now() - started < timeoutMs) {
    const receipt = await chain.publicClient.getTransactionReceipt({ hash }).catch(() => undefined)
    if (receipt) return receipt
    if (!mined && Date.now() - started > timeoutMs / 2) {
      mined = true
      await chain.publicClient.request({ method: 'evm_mine' as never, params: [] as never })
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new VaultChainError('transaction not mined', { details: hash })
}
