/**
 * A tree size and its RFC 6962 root hash: what a verified checkpoint commits to, or an anchored head (e.g. one
 * recorded on chain).
 *
 * @example
 * const anchor: TreeHead = { size: 1000, rootHash }
 */
export type TreeHead = { size: number; rootHash: Uint8Array }
