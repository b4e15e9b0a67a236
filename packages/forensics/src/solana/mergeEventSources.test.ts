import { describe, expect, it } from 'vitest'
import type { EventCandidate } from './collectEventPayloads.ts'
import { mergeEventSources } from './mergeEventSources.ts'

const at = (source: 'self-cpi' | 'log', byte: number, instructionIndex?: number): EventCandidate => ({
  bytes: Uint8Array.of(byte, byte),
  origin: { source, topLevelIndex: 0, invokedBy: undefined, instructionIndex },
})
const summary = (events: EventCandidate[]) => events.map((e) => `${e.bytes[0]}:${e.origin.source}`)

describe('mergeEventSources', () => {
  it('pairs byte-equal copies in order', () => {
    const merged = mergeEventSources(
      [at('self-cpi', 1, 4), at('self-cpi', 2, 5)],
      [at('log', 1), at('log', 2)],
    )
    expect(summary(merged)).toEqual(['1:self-cpi+log', '2:self-cpi+log'])
    expect(merged[1]?.origin.instructionIndex).toBe(5)
  })

  it('keeps two identical events twice when both sources have them twice', () => {
    const merged = mergeEventSources([at('self-cpi', 1), at('self-cpi', 1)], [at('log', 1), at('log', 1)])
    expect(summary(merged)).toEqual(['1:self-cpi+log', '1:self-cpi+log'])
  })

  it('keeps events found in one source only, in order', () => {
    expect(summary(mergeEventSources([at('self-cpi', 1), at('self-cpi', 2)], [at('log', 1)]))).toEqual([
      '1:self-cpi+log',
      '2:self-cpi',
    ])
    expect(
      summary(mergeEventSources([at('self-cpi', 2)], [at('log', 1), at('log', 2), at('log', 3)])),
    ).toEqual(['1:log', '2:self-cpi+log', '3:log'])
    expect(summary(mergeEventSources([at('self-cpi', 1)], [at('log', 2)]))).toEqual(['1:self-cpi', '2:log'])
  })
})
