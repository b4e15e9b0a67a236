/**
 * Size limits on AI events, checked when an event is parsed or sealed. Sizes are UTF-8 bytes of a field's
 * canonical JSON. Public fields are permanent (erasure cannot remove them), hence the small default.
 *
 * @example
 * const limits: AiEventLimits = { maxPrivateFieldBytes: 4 * 1024 * 1024 }
 */
export type AiEventLimits = {
  /** Largest public field (each `attributes` member counts apart). Default 4096. */
  maxPublicFieldBytes?: number
  /** Largest private field. Default 1 MiB. */
  maxPrivateFieldBytes?: number
  /** Most private fields in one event. Default 256. */
  maxPrivateFields?: number
  /** Deepest nesting of a field's value, 1 to 1000. Default 32. */
  maxDepth?: number
}
