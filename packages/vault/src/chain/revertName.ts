import { iSextantGuardModuleAbi } from '@sextant/chain/generated/ISextantGuardModule'
import { decodeErrorResult, type Hex } from 'viem'

/**
 * The module error (without `Vault__`) a failed call or transaction carries, from viem's error chain;
 * `unknown` when none can be decoded.
 *
 * @example
 * try { await publicClient.call({ … }) } catch (error) { revertName(error) } // 'CoSignatureReplayed'
 */
export function revertName(error: unknown): string {
  let e = error as { data?: unknown; cause?: unknown; raw?: unknown } | undefined
  while (e) {
    for (const data of [e.data, e.raw]) {
      if (typeof data === 'string' && data.startsWith('0x') && data.length >= 10) {
        try {
          return decodeErrorResult({ abi: iSextantGuardModuleAbi, data: data as Hex }).errorName.replace(
            /^Vault__/,
            '',
          )
        } catch {}
      }
    }
    const named = (e.data as { errorName?: string } | undefined)?.errorName
    if (named) return named.replace(/^Vault__/, '')
    e = e.cause as typeof e
  }
  return 'unknown'
}
