import type { EventCandidate } from './collectEventPayloads.ts'

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i])
}

function merge(cpi: EventCandidate, log: EventCandidate): EventCandidate {
  const o = cpi.origin
  const origin = {
    source: 'self-cpi+log' as const,
    topLevelIndex: o.topLevelIndex ?? log.origin.topLevelIndex,
    invokedBy: o.invokedBy ?? log.origin.invokedBy,
    instructionIndex: o.instructionIndex ?? log.origin.instructionIndex,
  }
  return { bytes: cpi.bytes, origin }
}

/**
 * Merges the self-CPI and log copies of pump.fun's events so each event is counted once. Both lists
 * are in execution order and the copies are byte-equal, so they are paired in order; an event found
 * in only one source (truncated logs, no inner instructions, log-only programs) is kept alone.
 *
 * @example
 * const events = mergeEventSources(selfCpi, logs) // 2 + 2 copies of 2 events -> 2 candidates
 */
export function mergeEventSources(
  selfCpi: readonly EventCandidate[],
  logs: readonly EventCandidate[],
): EventCandidate[] {
  const out: EventCandidate[] = []
  let i = 0
  let j = 0
  while (i < selfCpi.length || j < logs.length) {
    const cpi = selfCpi[i]
    const log = logs[j]
    if (cpi && log && equal(cpi.bytes, log.bytes)) {
      out.push(merge(cpi, log))
      i++
      j++
    } else if (cpi && !logs.slice(j).some((l) => equal(l.bytes, cpi.bytes))) {
      out.push(cpi)
      i++
    } else if (log) {
      out.push(log)
      j++
    }
  }
  return out
}
