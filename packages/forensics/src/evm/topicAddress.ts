import { addressCacheLimit, checksum, type EvmDecodeContext } from './EvmDecodeContext.ts'

/** Return type of {@link topicAddress}. */
export type TopicAddressReturnType = { checksummed: string; lower: string }

/**
 * The address a 32-byte log topic holds (its last 20 bytes), checksummed and lowercase; cached by topic, so a
 * known wallet's topic costs one map lookup instead of slicing, lowercasing and hashing a new string.
 *
 * @example
 * const trader = topicAddress(ctx, log.topics[2]!).checksummed
 */
export function topicAddress(ctx: EvmDecodeContext, topic: string): TopicAddressReturnType {
  let out = ctx.topicAddresses.get(topic)
  if (out === undefined) {
    const lower = `0x${topic.slice(26).toLowerCase()}`
    out = { checksummed: checksum(ctx, lower), lower }
    if (ctx.topicAddresses.size >= addressCacheLimit) ctx.topicAddresses.clear()
    ctx.topicAddresses.set(topic, out)
  }
  return out
}
