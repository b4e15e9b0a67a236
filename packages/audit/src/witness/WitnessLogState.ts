/**
 * What a witness remembers about one log: the latest checkpoint it cosigned.
 *
 * @example
 * const state: WitnessLogState = { size: 20852163, rootHash }
 */
export type WitnessLogState = {
  size: number
  /** 32-byte root hash of that checkpoint. */
  rootHash: Uint8Array
}
