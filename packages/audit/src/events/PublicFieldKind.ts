/**
 * The value rule of a public AI event field: `text` a non-empty string, `texts` an array of them, `count` a
 * non-negative safe integer, `integer` a safe integer, `number` a finite number, `traceId` / `spanId` 32 / 16
 * lowercase hex digits (not all zero), `unixNano` a decimal uint64 string, `chainId` a positive safe integer,
 * `txHash` `0x` and 64 hex digits, `port` 0–65535, `amount` a decimal integer string; the rest are enums.
 *
 * @example
 * const kind: PublicFieldKind = 'count'
 */
export type PublicFieldKind =
  | 'text'
  | 'texts'
  | 'count'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'operation'
  | 'outcome'
  | 'decision'
  | 'traceId'
  | 'spanId'
  | 'unixNano'
  | 'chainId'
  | 'txHash'
  | 'port'
  | 'amount'
