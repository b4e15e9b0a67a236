/**
 * A JSON value (RFC 8259) as held in memory: finite numbers only, plain objects and dense arrays.
 *
 * @example
 * const value: JsonValue = { role: 'user', parts: [{ type: 'text', content: 'hello' }] }
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }
