/**
 * The JSON Schema subset tool parameters are written in: objects with typed properties, required names, no
 * extra properties unless allowed; strings (with `pattern`, `enum`), numbers, integers, booleans, arrays.
 *
 * @example
 * const schema: JsonSchema = { type: 'object', properties: { to: { type: 'string', pattern: '^0x[0-9a-fA-F]{40}$' } }, required: ['to'] }
 */
export type JsonSchema = {
  type: 'object' | 'string' | 'number' | 'integer' | 'boolean' | 'array'
  description?: string
  properties?: { [name: string]: JsonSchema }
  required?: string[]
  additionalProperties?: boolean
  items?: JsonSchema
  enum?: (string | number)[]
  pattern?: string
  maxLength?: number
}
