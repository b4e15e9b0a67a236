/**
 * Prints an error for a person (short message and details) or as JSON, and returns exit code 1.
 *
 * @example
 * return reportError(error, { json: true })
 */
export function reportError(error: unknown, { json }: { json: boolean }): number {
  const e = error as { name?: string; shortMessage?: string; message?: string; details?: string }
  const message = e.shortMessage ?? e.message ?? String(error)
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ error: { name: e.name ?? 'Error', message, details: e.details } })}\n`,
    )
  } else {
    process.stderr.write(`sextant: ${message}\n${e.details ? `  ${e.details}\n` : ''}`)
  }
  return 1
}
