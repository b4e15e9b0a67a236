/**
 * pump.fun bonding-curve program (`6EF8rrecthR5Dkzon8Nwu78hRvfCKubJ14M5uBEwF6P`): every byte layout and
 * discriminator this package decodes, in one place.
 *
 * Sources
 * - Published IDL, github.com/pump-fun/pump-public-docs `idl/pump.json` (217-byte TradeEvent era, commit
 *   d1b721d7): CreateEvent, CompleteEvent, CompletePumpAmmMigrationEvent, the `buy`, `sell`, `create`
 *   and `migrate` instructions with their account order.
 * - Later IDL (pump-public-docs f216b672, as quoted by third-party code): TradeEvent fields after
 *   `creator_fee` (volume tracking, `ix_name`, `mayhem_mode`, cashback, buyback, shareholders, quote mint,
 *   holder rewards). `docs/instructions/BUY.md` and `TRADE_V3.md`: `buy_v2`, `*_v3` arguments and accounts.
 * - October 2026 IDL (pump-public-docs 8cda1fa3, as vendored by third-party decoders): TradeEvent
 *   `creator_fee_unclaimed`; CreateEvent `is_cashback_enabled`, `quote_mint`, `virtual_quote_reserves`,
 *   `creator_fee_bps`, `is_holder_reward`, `depth`; `quote_mint` appended to CompleteEvent and
 *   CompletePumpAmmMigrationEvent. Not in our fixtures except where noted; `depth` is read as a u8 (its
 *   width is not confirmed by any byte we hold).
 * - Measured on the mainnet fixtures in `shared/fixtures/pumpfun` (see SOURCES.md there): which layouts
 *   occur (TradeEvent 121, 217, 258, 350, 363, 366; CreateEvent 185, 305, 346, 357), and the 389-byte
 *   `buy_exact_quote_in` TradeEvent of 2026-10 listed there as seen but not copied.
 *
 * Discriminators are Anchor's: `sha256("global:<ix_name>")[0..8]` for instructions, `sha256("event:<Name>")`
 * for events (see {@link anchorDiscriminator}); the tests pin the resulting bytes.
 */
import { anchorDiscriminator } from './anchorDiscriminator.ts'

/**
 * Address of the pump.fun bonding-curve program.
 *
 * @example
 * tx.instructions.filter((ix) => ix.programId === PUMPFUN_PROGRAM_ID)
 */
export const PUMPFUN_PROGRAM_ID = '6EF8rrecthR5Dkzon8Nwu78hRvfCKubJ14M5uBEwF6P'

/**
 * Prefix of Anchor's self-CPI event instruction (`emit_cpi!`): `sha256("anchor:event")[0..8]` reversed.
 *
 * @example
 * const isEvent = EVENT_CPI_TAG.every((b, i) => data[i] === b)
 */
export const EVENT_CPI_TAG = Uint8Array.from([228, 69, 165, 46, 81, 203, 154, 29])

/**
 * A field's Borsh type: a scalar, a string, or pump.fun's `Vec<Shareholder>` (pubkey + u16 each).
 *
 * @example
 * const t: FieldType = 'u64'
 */
export type FieldType = 'pubkey' | 'u8' | 'u64' | 'i64' | 'bool' | 'string' | 'shareholders'

/**
 * `[camelCaseName, type]`; the IDL's snake_case name is the same words.
 *
 * @example
 * const spec: FieldSpec = ['solAmount', 'u64']
 */
export type FieldSpec = readonly [name: string, type: FieldType]

/**
 * Fields appended together in one program release. `knownEnd`: a payload that ends right after this
 * group is a layout we have seen or that the IDL documents.
 *
 * @example
 * const g: FieldGroup = { id: 'mayhem', knownEnd: true, fields: [['mayhemMode', 'bool']] }
 */
export type FieldGroup = {
  readonly id: string
  readonly fields: readonly FieldSpec[]
  readonly knownEnd: boolean
}

/**
 * TradeEvent (buy and sell), in release order. `trader` is the IDL's `user`.
 *
 * @example
 * readFieldGroups(payload, TRADE_EVENT_GROUPS, 'TradeEvent')
 */
export const TRADE_EVENT_GROUPS = [
  // 105 bytes, early 2024 (IDL; not in the fixtures)
  {
    id: 'core',
    knownEnd: true,
    fields: [
      ['mint', 'pubkey'],
      ['solAmount', 'u64'],
      ['tokenAmount', 'u64'],
      ['isBuy', 'bool'],
      ['trader', 'pubkey'],
      ['timestamp', 'i64'],
      ['virtualSolReserves', 'u64'],
      ['virtualTokenReserves', 'u64'],
    ],
  },
  // 121 bytes, 2024-08 fixtures
  {
    id: 'realReserves',
    knownEnd: true,
    fields: [
      ['realSolReserves', 'u64'],
      ['realTokenReserves', 'u64'],
    ],
  },
  // 217 bytes, 2025-05..07 fixtures
  {
    id: 'fees',
    knownEnd: true,
    fields: [
      ['feeRecipient', 'pubkey'],
      ['feeBasisPoints', 'u64'],
      ['fee', 'u64'],
      ['creator', 'pubkey'],
      ['creatorFeeBasisPoints', 'u64'],
      ['creatorFee', 'u64'],
    ],
  },
  // 250 bytes, about 2025-08..11 (documented in SOURCES.md; not in the fixtures)
  {
    id: 'volume',
    knownEnd: true,
    fields: [
      ['trackVolume', 'bool'],
      ['totalUnclaimedTokens', 'u64'],
      ['totalClaimedTokens', 'u64'],
      ['currentSolVolume', 'u64'],
      ['lastUpdateTimestamp', 'i64'],
    ],
  },
  // Borsh string at offset 250: the payload length now depends on the instruction name
  { id: 'ixName', knownEnd: false, fields: [['ixName', 'string']] },
  // 250 + ix_name + 1, 2025-12 fixture (258 with "buy")
  { id: 'mayhem', knownEnd: true, fields: [['mayhemMode', 'bool']] },
  // 250 + ix_name + 93, 2026-07 fixtures (350 "buy", 363 "buy_exact_sol_in"); sol_amount is 0 and
  // quote_amount carries the price when the coin is paired with another quote mint (USDC)
  {
    id: 'quote',
    knownEnd: true,
    fields: [
      ['cashbackFeeBasisPoints', 'u64'],
      ['cashback', 'u64'],
      ['buybackFeeBasisPoints', 'u64'],
      ['buybackFee', 'u64'],
      ['shareholders', 'shareholders'],
      ['quoteMint', 'pubkey'],
      ['quoteAmount', 'u64'],
      ['virtualQuoteReserves', 'u64'],
      ['realQuoteReserves', 'u64'],
    ],
  },
  // 250 + ix_name + 109, 2026-09 fixture (366 with "buy")
  {
    id: 'holderRewards',
    knownEnd: true,
    fields: [
      ['holderRewardsBps', 'u64'],
      ['holderRewards', 'u64'],
    ],
  },
  // 250 + ix_name + 117, 2026-10 (389 with "buy_exact_quote_in"): creator fee left on the curve (v3 trades)
  { id: 'creatorFeeUnclaimed', knownEnd: true, fields: [['creatorFeeUnclaimed', 'u64']] },
] as const satisfies readonly FieldGroup[]

/**
 * CreateEvent, in release order.
 *
 * @example
 * readFieldGroups(payload, CREATE_EVENT_GROUPS, 'CreateEvent')
 */
export const CREATE_EVENT_GROUPS = [
  // 2024 fixture (185 bytes with its strings)
  {
    id: 'core',
    knownEnd: true,
    fields: [
      ['name', 'string'],
      ['symbol', 'string'],
      ['uri', 'string'],
      ['mint', 'pubkey'],
      ['bondingCurve', 'pubkey'],
      ['user', 'pubkey'],
    ],
  },
  // IDL of the 217-byte TradeEvent era (2025); not in the fixtures on its own
  {
    id: 'creator',
    knownEnd: true,
    fields: [
      ['creator', 'pubkey'],
      ['timestamp', 'i64'],
      ['virtualTokenReserves', 'u64'],
      ['virtualSolReserves', 'u64'],
      ['realTokenReserves', 'u64'],
      ['tokenTotalSupply', 'u64'],
    ],
  },
  // 2025-12 fixture (305 bytes)
  {
    id: 'tokenProgram',
    knownEnd: true,
    fields: [
      ['tokenProgram', 'pubkey'],
      ['isMayhemMode', 'bool'],
    ],
  },
  // 2026-07 fixture (346 bytes)
  {
    id: 'quote',
    knownEnd: true,
    fields: [
      ['isCashbackEnabled', 'bool'],
      ['quoteMint', 'pubkey'],
      ['virtualQuoteReserves', 'u64'],
    ],
  },
  // 2026-09 create_v2 fixture (357 bytes): configurable creator fee, holder rewards
  {
    id: 'holderReward',
    knownEnd: true,
    fields: [
      ['creatorFeeBps', 'u64'],
      ['isHolderReward', 'bool'],
    ],
  },
  // 2026-10 IDL: quote-chain depth (0 for SOL and listed quotes, 1+ when the quote is a pump coin)
  { id: 'depth', knownEnd: true, fields: [['depth', 'u8']] },
] as const satisfies readonly FieldGroup[]

/**
 * CompleteEvent (the curve reached its end; IDL). 104 bytes, 136 with the quote mint.
 *
 * @example
 * decodeEventFields(payload, COMPLETE_EVENT_GROUPS, 'CompleteEvent')
 */
export const COMPLETE_EVENT_GROUPS = [
  {
    id: 'core',
    knownEnd: true,
    fields: [
      ['user', 'pubkey'],
      ['mint', 'pubkey'],
      ['bondingCurve', 'pubkey'],
      ['timestamp', 'i64'],
    ],
  },
  // 2026-10 IDL
  { id: 'quoteMint', knownEnd: true, fields: [['quoteMint', 'pubkey']] },
] as const satisfies readonly FieldGroup[]

/**
 * CompletePumpAmmMigrationEvent (liquidity moved to PumpSwap by `migrate`; IDL). 160 bytes, 192 with the quote mint.
 *
 * @example
 * decodeEventFields(payload, MIGRATION_EVENT_GROUPS, 'CompletePumpAmmMigrationEvent')
 */
export const MIGRATION_EVENT_GROUPS = [
  {
    id: 'core',
    knownEnd: true,
    fields: [
      ['user', 'pubkey'],
      ['mint', 'pubkey'],
      ['mintAmount', 'u64'],
      ['solAmount', 'u64'],
      ['poolMigrationFee', 'u64'],
      ['bondingCurve', 'pubkey'],
      ['timestamp', 'i64'],
      ['pool', 'pubkey'],
    ],
  },
  // 2026-10 IDL
  { id: 'quoteMint', knownEnd: true, fields: [['quoteMint', 'pubkey']] },
] as const satisfies readonly FieldGroup[]

/**
 * Events normalized by this package, by discriminator.
 *
 * @example
 * Array.from(PUMPFUN_EVENTS.TradeEvent) // [189, 219, 127, 211, 78, 230, 97, 238]
 */
export const PUMPFUN_EVENTS = {
  TradeEvent: anchorDiscriminator('event', 'TradeEvent'),
  CreateEvent: anchorDiscriminator('event', 'CreateEvent'),
  CompleteEvent: anchorDiscriminator('event', 'CompleteEvent'),
  CompletePumpAmmMigrationEvent: anchorDiscriminator('event', 'CompletePumpAmmMigrationEvent'),
} as const

/**
 * Other pump.fun events, recognized by name but not normalized (IDL and docs).
 *
 * @example
 * OTHER_PUMPFUN_EVENT_NAMES.includes('ExtendAccountEvent') // true
 */
export const OTHER_PUMPFUN_EVENT_NAMES = [
  'ExtendAccountEvent',
  'CollectCreatorFeeEvent',
  'SetCreatorEvent',
  'SetMetaplexCreatorEvent',
  'SetParamsEvent',
  'AdminSetCreatorEvent',
  'AdminSetIdlAuthorityEvent',
  'AdminUpdateTokenIncentivesEvent',
  'ClaimTokenIncentivesEvent',
  'InitUserVolumeAccumulatorEvent',
  'SyncUserVolumeAccumulatorEvent',
  'CloseUserVolumeAccumulatorEvent',
  'UpdateGlobalAuthorityEvent',
  'PostCompleteBuyEvent',
  'SweepBondingCurveFeeEvent',
] as const

/**
 * Where an instruction's main accounts sit in its account list (IDL order).
 *
 * @example
 * const positions: AccountPositions = { mint: 2, bondingCurve: 3, user: 6 }
 */
export type AccountPositions = Readonly<Partial<Record<'mint' | 'bondingCurve' | 'user' | 'pool', number>>>

/**
 * Arguments (required, then optional trailing ones) and account positions of one instruction.
 *
 * @example
 * const spec: InstructionSpec = PUMPFUN_INSTRUCTIONS.sell
 */
export type InstructionSpec = {
  readonly args: readonly FieldSpec[]
  readonly optionalArgs: readonly FieldSpec[]
  readonly accounts: AccountPositions
}

const legacyTrade = { mint: 2, bondingCurve: 3, user: 6 } as const
const v2Trade = { mint: 1, bondingCurve: 10, user: 13 } as const
const v3Trade = { mint: 1, bondingCurve: 5, user: 8 } as const
const buyArgs = [
  ['amount', 'u64'],
  ['maxSolCost', 'u64'],
] as const
const sellArgs = [
  ['amount', 'u64'],
  ['minSolOutput', 'u64'],
] as const
const quoteInArgs = [
  ['spendableQuoteIn', 'u64'],
  ['minTokensOut', 'u64'],
] as const
const createArgs = [
  ['name', 'string'],
  ['symbol', 'string'],
  ['uri', 'string'],
] as const

/**
 * pump.fun instructions decoded from instruction data (`OptionBool` is a one-byte struct).
 *
 * @example
 * PUMPFUN_INSTRUCTIONS.buy.args // [['amount', 'u64'], ['maxSolCost', 'u64']]
 */
export const PUMPFUN_INSTRUCTIONS = {
  buy: { args: buyArgs, optionalArgs: [['trackVolume', 'bool']], accounts: legacyTrade },
  sell: { args: sellArgs, optionalArgs: [], accounts: legacyTrade },
  buy_exact_sol_in: {
    args: [
      ['spendableSolIn', 'u64'],
      ['minTokensOut', 'u64'],
    ],
    optionalArgs: [['trackVolume', 'bool']],
    accounts: legacyTrade,
  },
  buy_v2: { args: buyArgs, optionalArgs: [], accounts: v2Trade },
  sell_v2: { args: sellArgs, optionalArgs: [], accounts: v2Trade },
  buy_exact_quote_in_v2: { args: quoteInArgs, optionalArgs: [], accounts: v2Trade },
  buy_v3: { args: buyArgs, optionalArgs: [['partialFill', 'bool']], accounts: v3Trade },
  sell_v3: { args: sellArgs, optionalArgs: [], accounts: v3Trade },
  buy_exact_quote_in_v3: { args: quoteInArgs, optionalArgs: [['partialFill', 'bool']], accounts: v3Trade },
  create: {
    args: createArgs,
    optionalArgs: [['creator', 'pubkey']],
    accounts: { mint: 0, bondingCurve: 2, user: 7 },
  },
  create_v2: {
    args: [...createArgs, ['creator', 'pubkey'], ['isMayhemMode', 'bool']],
    optionalArgs: [['isCashbackEnabled', 'bool']],
    accounts: { mint: 0, bondingCurve: 2, user: 5 },
  },
  migrate: { args: [], optionalArgs: [], accounts: { mint: 2, bondingCurve: 3, user: 5, pool: 9 } },
  extend_account: { args: [], optionalArgs: [], accounts: {} },
} as const satisfies Record<string, InstructionSpec>
