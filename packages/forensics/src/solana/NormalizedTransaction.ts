/**
 * One instruction, top-level or inner, with its program and accounts resolved to addresses.
 *
 * @example
 * const ix: NormalizedInstruction = {
 *   programId: '6EF8rrecthR5Dkzon8Nwu78hRvfCKubJ14M5uBEwF6P', accounts: [], data: new Uint8Array(8),
 *   stackHeight: 1, topLevelIndex: 2, innerIndex: undefined,
 * }
 */
export type NormalizedInstruction = {
  programId: string
  /** `null` where the address comes from a lookup table the response did not resolve. */
  accounts: (string | null)[]
  /** `undefined` for instructions the RPC returned already parsed (`jsonParsed`, known programs). */
  data: Uint8Array | undefined
  stackHeight: number | undefined
  /** Index of the top-level instruction this one belongs to. */
  topLevelIndex: number
  /** Position in that instruction's inner list; `undefined` for the top-level instruction itself. */
  innerIndex: number | undefined
}

/**
 * A `getTransaction` response in whichever encoding, reduced to what the decoders need.
 * `instructions` are in execution order: top-level 0, its inner instructions, top-level 1, ...
 *
 * @example
 * const tx: NormalizedTransaction = decodeMessage(result)
 */
export type NormalizedTransaction = {
  encoding: 'json' | 'jsonParsed' | 'base64' | 'base58'
  signature: string | undefined
  slot: number | undefined
  blockTime: number | undefined
  version: 'legacy' | number | undefined
  /** Static keys, then lookup-table writable, then lookup-table readonly addresses. */
  accountKeys: string[]
  instructions: NormalizedInstruction[]
  logMessages: string[] | undefined
  /** `meta.err`: `null` on success, `undefined` when the response has no `meta`. */
  err: unknown
  metaPresent: boolean
  innerInstructionsPresent: boolean
  /** Some account index pointed past the known keys (lookup tables without `meta.loadedAddresses`). */
  unresolvedAccounts: boolean
}
