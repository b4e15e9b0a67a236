import { z } from 'zod'

const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'expected a 0x-prefixed 20-byte address')
/** An amount with its token symbol ("100 USDC", "0.5 ETH"). */
const amount = z.union([z.string().min(1), z.number().nonnegative()])
/** A duration ("90s", "30m", "24h", "7d", "1h30m") or whole seconds. */
const duration = z.union([z.string().min(1), z.number().int().nonnegative()])

const condition = z.strictObject({
  /** Argument index (0-based) or name as in the function signature. */
  arg: z.union([z.number().int().nonnegative(), z.string().min(1)]),
  eq: z.union([z.string().min(1), z.number()]).optional(),
  lte: amount.optional(),
  gte: amount.optional(),
  /** `in: recipients`: the argument must be an allowlisted recipient. */
  in: z.literal('recipients').optional(),
})

const tokenLimits = z.strictObject({
  /** Most one payment (or one batch) may move. */
  perTx: amount,
  /** Most that may leave in any rolling window of `window` (exact, no fixed boundaries). */
  windowCap: amount,
  window: duration,
  /** Payments above this need an owner's co-signature (default: never). */
  approvalAbove: amount.optional(),
})

/**
 * Zod schema of a vault policy file (YAML or JSON). Amounts and durations are human strings; tokens and
 * recipients are named once and used by name everywhere else. Everything not allowed is denied.
 *
 * @example
 * policyFileSchema.parse({ version: 1, limits: { ETH: { perTx: '0.1 ETH', windowCap: '1 ETH', window: '24h' } } })
 */
export const policyFileSchema = z.strictObject({
  version: z.literal(1),
  /** Tokens by symbol; the native coin (ETH) is built in. */
  tokens: z
    .record(
      z.string().regex(/^[A-Za-z][A-Za-z0-9.\-_]*$/, 'a symbol: letters, digits, . - _'),
      z.strictObject({ address, decimals: z.number().int().min(0).max(36) }),
    )
    .optional(),
  /** Limits per token symbol (ETH = native coin). A token without limits cannot be spent at all. */
  limits: z.record(z.string().min(1), tokenLimits),
  /** Allowlisted payees and spenders, by name. */
  recipients: z.record(z.string().min(1), address).optional(),
  /**
   * Uniswap V2 pairs the agent may swap on, by name. Each becomes: the pair on the recipient allowlist (the input
   * token is paid to it, counted against that token's limits) and `swap(uint256,uint256,address,bytes)` on it
   * allowlisted with `to == the Safe` and empty `data` (the output comes back to the Safe; no flash-swap callback).
   */
  swaps: z.record(z.string().min(1), address).optional(),
  /** Other allowlisted calls: target (address or name) and function signature, with argument conditions. */
  calls: z
    .array(
      z.strictObject({
        target: z.string().min(1),
        /** A function signature, e.g. `deposit(uint256 amount, address to)`. */
        function: z.string().min(1),
        conditions: z.array(condition).max(8).optional(),
      }),
    )
    .optional(),
  /** What each new agent session key gets. */
  sessionKey: z
    .strictObject({
      validFor: duration.optional(),
      /** Most executes over the key's life (omit = unlimited). */
      maxUses: z.number().int().positive().max(4_294_967_295).optional(),
      /** e.g. "10 per 1h" (exact rolling window). */
      rateLimit: z
        .string()
        .regex(/^\s*\d+\s+per\s+\S+\s*$/, 'expected "<count> per <duration>", e.g. "10 per 1h"')
        .optional(),
      /** The key's own lifetime budget per token symbol ("unlimited" = only the token's limits apply). */
      budget: z.record(z.string().min(1), amount).optional(),
    })
    .optional(),
  /** Addresses that may tighten, pause or kill at once (the Safe always can). */
  guardians: z.array(address).optional(),
  /** How long owners must wait before a loosening takes effect (default 24h). */
  timelock: duration.optional(),
})

/** A policy file as written (before amounts and names are resolved). */
export type PolicyFile = z.infer<typeof policyFileSchema>
