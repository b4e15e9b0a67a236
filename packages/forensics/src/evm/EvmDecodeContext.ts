import { getAddress } from 'viem'
import { uniswapPairAddress } from '../sim/derivePlanDeployment.ts'

/** What EVM decoding knows: the launchpad stack and the tokens and pairs seen so far (grows as it decodes). */
export type EvmDecodeContext = {
  chain: string
  launchpad: string
  weth: string
  factory: string
  /** Lowercase token → checksummed token and its pair. */
  tokens: Map<string, { token: string; pair: string }>
  /** Lowercase pair → checksummed token, and whether the token is the pair's token0. */
  pairs: Map<string, { token: string; pair: string; tokenIsToken0: boolean }>
  /** Lowercase → checksummed address (checksumming costs a keccak; addresses repeat). */
  checksums: Map<string, string>
  /** A 32-byte log topic as received → the address it holds, checksummed and lowercase (the hot-path cache). */
  topicAddresses: Map<string, { checksummed: string; lower: string }>
}

/**
 * Address caches are dropped when they reach this size, so a long-running follower's memory stays bounded.
 *
 * @example
 * if (cache.size >= addressCacheLimit) cache.clear()
 */
export const addressCacheLimit = 1_000_000

/**
 * A fresh decode context for one launchpad deployment.
 *
 * @example
 * const ctx = createEvmDecodeContext({ chain: 'eip155:31337', launchpad, weth, factory })
 */
export function createEvmDecodeContext(p: {
  chain: string
  launchpad: string
  weth: string
  factory: string
}): EvmDecodeContext {
  return {
    chain: p.chain,
    launchpad: getAddress(p.launchpad),
    weth: getAddress(p.weth),
    factory: getAddress(p.factory),
    tokens: new Map(),
    pairs: new Map(),
    checksums: new Map(),
    topicAddresses: new Map(),
  }
}

/**
 * Registers a launchpad token (and its pair, derived by CREATE2 when not given) so its transfers and pool
 * events decode.
 *
 * @example
 * registerToken(ctx, token)
 */
export function registerToken(ctx: EvmDecodeContext, token: string, pair?: string): void {
  const t = getAddress(token)
  const p = getAddress(pair ?? uniswapPairAddress(ctx.factory as `0x${string}`, ctx.weth as `0x${string}`, t))
  ctx.tokens.set(t.toLowerCase(), { token: t, pair: p })
  ctx.pairs.set(p.toLowerCase(), {
    token: t,
    pair: p,
    tokenIsToken0: t.toLowerCase() < ctx.weth.toLowerCase(),
  })
}

/**
 * The checksummed form of a lowercase or mixed-case address, cached.
 *
 * @example
 * checksum(ctx, '0xabc…')
 */
export function checksum(ctx: EvmDecodeContext, address: string): string {
  const lower = address.toLowerCase()
  let out = ctx.checksums.get(lower)
  if (out === undefined) {
    out = getAddress(lower)
    if (ctx.checksums.size >= addressCacheLimit) ctx.checksums.clear()
    ctx.checksums.set(lower, out)
  }
  return out
}
