/**
 * The c2sp.org/tlog-cosignature signature algorithms: Ed25519 (`cosignature/v1`, signature type 0x04) and
 * ML-DSA-44 (`subtree/v1`, signature type 0x06, post-quantum, which the spec recommends for new deployments).
 *
 * @example
 * const algorithm: CosignatureAlgorithm = 'ml-dsa-44'
 */
export type CosignatureAlgorithm = 'ed25519' | 'ml-dsa-44'
