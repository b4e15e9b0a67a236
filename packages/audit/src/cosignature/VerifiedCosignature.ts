import type { CosignatureAlgorithm } from './CosignatureAlgorithm.ts'

/**
 * A cosignature that verified against a trusted witness key, as reported by `openCosignedCheckpoint`.
 *
 * @example
 * const fresh = cosignatures.filter((c: VerifiedCosignature) => c.timestamp > Date.now() / 1000 - 3600)
 */
export type VerifiedCosignature = {
  name: string
  keyId: number
  algorithm: CosignatureAlgorithm
  /** The time the witness vouches for, POSIX seconds. */
  timestamp: number
}
