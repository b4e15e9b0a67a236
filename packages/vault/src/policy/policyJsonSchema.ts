import { z } from 'zod'
import { policyFileSchema } from './policyFileSchema.ts'

/**
 * The JSON Schema (draft 2020-12) of vault policy files, generated from the zod schema; published as
 * `packages/vault/policy.schema.json` for editors (`# yaml-language-server: $schema=…`).
 *
 * @example
 * writeFileSync('policy.schema.json', JSON.stringify(policyJsonSchema(), null, 2))
 */
export function policyJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(policyFileSchema, { io: 'input' }),
    title: 'Sextant vault policy',
    description: 'Policy of a Sextant agent wallet guard (Safe module). Everything not allowed is denied.',
  }
}
