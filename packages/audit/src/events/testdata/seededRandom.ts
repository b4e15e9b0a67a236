import { sha256 } from '@noble/hashes/sha2.js'

/**
 * A deterministic byte source for tests: SHA-256(seed ‖ counter) blocks. Never use it to seal real events.
 *
 * @example
 * const { entry } = sealEvent(event, { random: seededRandom('fixture') })
 */
export function seededRandom(seed: string): (length: number) => Uint8Array {
  let counter = 0
  return (length) => {
    const out = new Uint8Array(length)
    for (let offset = 0; offset < length; offset += 32) {
      const block = sha256(new TextEncoder().encode(`${seed}/${counter++}`))
      out.set(block.subarray(0, Math.min(32, length - offset)), offset)
    }
    return out
  }
}
