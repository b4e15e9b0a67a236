import type { FieldGroup, FieldType } from './pumpfunLayouts.ts'

/**
 * One entry of pump.fun's `Vec<Shareholder>` (creator-fee sharing).
 *
 * @example
 * const s: Shareholder = { address: 'CTfBTtxhtAyGEysdjp9owVQvjSwPjtrzEGB9ZgAKewsY', shareBps: 10_000 }
 */
export type Shareholder = { address: string; shareBps: number }

/**
 * The TypeScript value of a {@link FieldType}: `u64`/`i64` as `bigint`, pubkeys as base58.
 *
 * @example
 * const amount: FieldValue<'u64'> = 1_000n
 */
export type FieldValue<T extends FieldType> = T extends 'pubkey' | 'string'
  ? string
  : T extends 'u64' | 'i64'
    ? bigint
    : T extends 'bool'
      ? boolean
      : T extends 'u8'
        ? number
        : Shareholder[]

/**
 * The object decoded from a list of field groups: every field of every group, by name.
 *
 * @example
 * type Complete = FieldsOf<typeof COMPLETE_EVENT_GROUPS> // { user: string; mint: string; ... }
 */
export type FieldsOf<G extends readonly FieldGroup[]> = {
  -readonly [S in G[number]['fields'][number] as S[0]]: FieldValue<S[1]>
}

/**
 * Fields of the first group are always present; fields of later groups only in newer layouts.
 *
 * @example
 * type Trade = VersionedFields<typeof TRADE_EVENT_GROUPS> // mint required, ixName optional
 */
export type VersionedFields<G extends readonly FieldGroup[]> = Pick<FieldsOf<G>, G[0]['fields'][number][0]> &
  Partial<FieldsOf<G>>
