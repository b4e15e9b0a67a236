import { privateFieldNames } from './privateFieldNames.ts'
import { publicFieldKinds } from './publicFieldKinds.ts'

/**
 * Whether an attribute name may never be public: a named private field, or any `gen_ai.*` name that is not a
 * known public field (older or future content attributes such as `gen_ai.prompt` or `gen_ai.completion`).
 *
 * @example
 * mustStayPrivate('gen_ai.prompt') // true
 * mustStayPrivate('deployment.environment') // false
 */
export function mustStayPrivate(name: string): boolean {
  return (
    privateFieldNames.includes(name) || (name.startsWith('gen_ai.') && !Object.hasOwn(publicFieldKinds, name))
  )
}
