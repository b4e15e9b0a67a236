import type { HrTime } from '@opentelemetry/api'

/**
 * An OpenTelemetry `HrTime` ([seconds, nanoseconds] since the Unix epoch) as a decimal string of nanoseconds,
 * exact: `hrTimeToNanoseconds` from `@opentelemetry/core` returns a `number`, which rounds epoch nanoseconds
 * (about 1.8e18, past 2^53) to a multiple of 256.
 *
 * @example
 * hrTimeToUnixNano([1767225600, 123456789]) // '1767225600123456789'
 */
export function hrTimeToUnixNano([seconds, nanos]: HrTime): string {
  return (BigInt(seconds) * 1_000_000_000n + BigInt(nanos)).toString()
}
