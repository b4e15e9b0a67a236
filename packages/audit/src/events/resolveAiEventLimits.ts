import { InvalidInputError } from '../errors/AuditError.ts'
import type { AiEventLimits } from './AiEventLimits.ts'

const defaults: Required<AiEventLimits> = {
  maxPublicFieldBytes: 4096,
  maxPrivateFieldBytes: 1024 * 1024,
  maxPrivateFields: 256,
  maxDepth: 32,
}

/** Deepest nesting any decoder accepts, whatever the limits an event was sealed under. */
const maxDepthCeiling = 1000

/**
 * Fills in the default {@link AiEventLimits}, or with `'decode'` the limits for reading back entries and
 * secrets already written (no size limits, nesting up to 1000): limits are a policy on what is written, and
 * must not make stored records unreadable. Throws InvalidInputError on a limit that is not a positive integer.
 *
 * @example
 * resolveAiEventLimits({ maxDepth: 8 }).maxPublicFieldBytes // 4096
 */
export function resolveAiEventLimits(limits: AiEventLimits | 'decode' = {}): Required<AiEventLimits> {
  if (limits === 'decode') {
    return {
      maxPublicFieldBytes: Number.POSITIVE_INFINITY,
      maxPrivateFieldBytes: Number.POSITIVE_INFINITY,
      maxPrivateFields: Number.POSITIVE_INFINITY,
      maxDepth: maxDepthCeiling,
    }
  }
  const resolved = { ...defaults, ...limits }
  for (const [name, value] of Object.entries(resolved)) {
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new InvalidInputError('invalid AI event limit', { details: `${name}: ${value}` })
    }
  }
  if (resolved.maxDepth > maxDepthCeiling) {
    throw new InvalidInputError('invalid AI event limit', { details: `maxDepth ${resolved.maxDepth} > 1000` })
  }
  return resolved
}
