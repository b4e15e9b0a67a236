import { BaseError, ContractFunctionRevertedError, type Hash } from 'viem'
import type { AnchorClient } from './AnchorClient.ts'
import { AnchorError } from './AnchorError.ts'

/**
 * Runs a contract write (simulate → send → wait), turning reverts into an {@link AnchorError} that names the
 * contract's custom error. Simulating first means a rejected anchor costs no gas.
 *
 * @example
 * const hash = await callAnchor(client, 'anchor rejected', () => client.publicClient.simulateContract({ … }))
 */
export async function callAnchor(
  client: AnchorClient,
  failure: string,
  simulate: () => Promise<{ request: unknown }>,
): Promise<{ hash: Hash; gasUsed: bigint }> {
  try {
    const { request } = await simulate()
    const hash = await client.walletClient.writeContract(request as never)
    const receipt = await client.publicClient.waitForTransactionReceipt({ hash })
    if (receipt.status !== 'success')
      throw new AnchorError(failure, { details: `transaction ${hash} reverted` })
    return { hash, gasUsed: receipt.gasUsed }
  } catch (error) {
    if (error instanceof AnchorError) throw error
    throw new AnchorError(failure, { details: revertReason(error), cause: error })
  }
}

function revertReason(error: unknown): string {
  if (error instanceof BaseError) {
    const revert = error.walk((e) => e instanceof ContractFunctionRevertedError)
    if (revert instanceof ContractFunctionRevertedError && revert.data) {
      return `${revert.data.errorName}(${(revert.data.args ?? []).join(', ')})`
    }
    return error.shortMessage
  }
  return String(error)
}
