import type { JsonSchema } from './JsonSchema.ts'

/**
 * Checks a value against a {@link JsonSchema}; returns the problems found (empty when valid). Objects refuse
 * properties the schema does not name unless `additionalProperties` is true.
 *
 * @example
 * validateArguments({ to: 1 }, { type: 'object', properties: { to: { type: 'string' } } }) // ['to: expected string']
 */
export function validateArguments(value: unknown, schema: JsonSchema, path = ''): string[] {
  const at = path || '(arguments)'
  const problems: string[] = []
  const type = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value
  const ok =
    schema.type === 'integer'
      ? Number.isInteger(value)
      : schema.type === 'number'
        ? typeof value === 'number' && Number.isFinite(value)
        : type === schema.type
  if (!ok) return [`${at}: expected ${schema.type}`]
  if (schema.enum && !schema.enum.includes(value as string))
    problems.push(`${at}: not one of ${schema.enum.join(', ')}`)
  if (typeof value === 'string') {
    if (schema.pattern && !new RegExp(schema.pattern).test(value))
      problems.push(`${at}: does not match ${schema.pattern}`)
    if (schema.maxLength !== undefined && value.length > schema.maxLength) problems.push(`${at}: too long`)
  }
  if (Array.isArray(value) && schema.items) {
    for (const [i, item] of value.entries())
      problems.push(...validateArguments(item, schema.items, `${path}[${i}]`))
  }
  if (schema.type === 'object') {
    const object = value as { [name: string]: unknown }
    const properties = schema.properties ?? {}
    for (const name of schema.required ?? []) {
      if (!Object.hasOwn(object, name)) problems.push(`${path ? `${path}.` : ''}${name}: required`)
    }
    for (const [name, v] of Object.entries(object)) {
      const child = properties[name]
      const p = path ? `${path}.${name}` : name
      if (child) problems.push(...validateArguments(v, child, p))
      else if (!schema.additionalProperties) problems.push(`${p}: unexpected property`)
    }
  }
  return problems
}
