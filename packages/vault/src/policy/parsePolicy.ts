import YAML from 'yaml'
import { PolicyError } from '../errors/VaultError.ts'
import type { Policy } from './Policy.ts'
import { policyFileSchema } from './policyFileSchema.ts'
import { resolvePolicy } from './resolvePolicy.ts'

/**
 * Parses a policy file's text (YAML, of which JSON is a subset), checks it against the schema and resolves
 * it. Every error is a `PolicyError` whose details list each bad field by path.
 *
 * @example
 * const policy = parsePolicy('version: 1\nlimits:\n  ETH: { perTx: 0.1 ETH }\ncalls:\n  - target: "0x…"\n')
 */
export function parsePolicy(text: string): Policy {
  let raw: unknown
  try {
    const document = YAML.parseDocument(text, { prettyErrors: true, uniqueKeys: true })
    if (document.errors.length > 0) throw document.errors[0]
    raw = document.toJS()
  } catch (cause) {
    throw new PolicyError('policy file is not valid YAML or JSON', {
      details: cause instanceof Error ? (cause.message.split('\n')[0] ?? '') : String(cause),
      cause,
    })
  }
  const parsed = policyFileSchema.safeParse(raw)
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `${formatPath(issue.path) || '(root)'}: ${issue.message}`,
    )
    throw new PolicyError('invalid policy', { details: lines.join('\n') })
  }
  return resolvePolicy(parsed.data)
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('')
}
