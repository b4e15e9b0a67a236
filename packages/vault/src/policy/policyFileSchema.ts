import { z } from 'zod'

const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'expected a 0x-prefixed 20-byte address')
/** An amount with its token symbol ("100 USDC", "0.5 ETH"). */
const amount = z.union([z.string().min(1), z.number().nonnegative()])
/** A duration ("90s", "30m", "24h", "7d", "1h30m") or whole seconds. */
const duration = z.union([z.string().min(1), z.number().int().nonnegative()])
/** An address, a token symbol, or a name from `recipients`. */
const addressOrName = z.string().min(1)

const condition = z.strictObject({
  /** Argument index (0-based) or name as in the function signature. */
  arg: z.union([z.number().int().nonnegative(), z.string().min(1)]),
  /** Value must be one of these (addresses or names) or `recipients` for the whole allowlist. */
  in: z.union([z.literal('recipients'), z.array(addressOrName).min(1)]).optional(),
  /** Value must be at most this amount. */
  lte: amount.optional(),
  /** Value must equal this (an amount, an address or a name). */
  eq: z.union([amount, addressOrName]).optional(),
})

const tokenLimits = z.strictObject({
  /** Largest single payment. */
  perTx: amount.optional(),
  /** Most that may leave in any rolling window of `window` (exact, no fixed boundaries). */
  windowCap: amount.optional(),
  window: duration.optional(),
  /** Payments above this need an owner's co-signature. */
  approvalAbove: amount.optional(),
})

/**
 * Zod schema of a vault policy file (YAML or JSON). Amounts and durations are human strings; tokens and
 * recipients are named once and used by name everywhere else. Everything not allowed is denied.
 *
 * @example
 * policyFileSchema.parse({ version: 1, limits: { ETH: { perTx: '0.1 ETH' } } })
 */
export const policyFileSchema = z.strictObject({
  version: z.literal(1),
  /** Tokens by symbol; the native coin (ETH) is built in. */
  tokens: z
    .record(
      z.string().regex(/^[A-Za-z][A-Za-z0-9.\-_]*$/),
      z.strictObject({ address, decimals: z.number().int().min(0).max(36) }),
    )
    .optional(),
  /** Limits per token symbol (ETH = native coin). A token without limits cannot be spent. */
  limits: z.record(z.string().min(1), tokenLimits),
  /** Named recipient allowlist. */
  recipients: z.record(z.string().min(1), address).optional(),
  /** Allowlisted calls: target (address, token or recipient name) and function, with argument conditions. */
  calls: z
    .array(
      z.strictObject({
        target: addressOrName,
        /** A function name (`transfer`, `approve`, …) or signature (`swap(uint256,address)`); omit for plain native transfers. */
        function: z.string().min(1).optional(),
        conditions: z.array(condition).optional(),
      }),
    )
    .default([]),
  /** Session keys may act this many times per period, e.g. "10 per 1h". */
  rateLimit: z
    .string()
    .regex(/^\s*\d+\s+per\s+\S+\s*$/, 'expected "<count> per <duration>", e.g. "10 per 1h"')
    .optional(),
  /** Defaults for new session keys. */
  sessionKey: z
    .strictObject({
      validFor: duration.optional(),
      maxUses: z.number().int().positive().optional(),
      /** Per-key budget by token symbol. */
      budget: z.record(z.string().min(1), amount).optional(),
    })
    .optional(),
  /** Seconds owners must wait before a loosening takes effect. */
  timelock: duration.optional(),
})

/** A policy file as written (before amounts and names are resolved). */
export type PolicyFile = z.infer<typeof policyFileSchema>
