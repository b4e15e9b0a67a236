/**
 * The `type` member that marks a log entry as a sealed AI event, version 1 (see `sealEvent` for the format).
 *
 * @example
 * JSON.parse(new TextDecoder().decode(entry)).type === aiEventType
 */
export const aiEventType = 'sextant.ai-event/v1'
