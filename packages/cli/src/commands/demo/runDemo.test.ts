import { describe, expect, it } from 'vitest'
import { runDemo } from './runDemo.ts'

describe('sextant demo (the main job on the embedded defaults)', () => {
  it('writes an agent session, anchors it, erases one entry, and verifies everything from public data', async () => {
    const lines: string[] = []
    const report = await runDemo({ progress: (line) => lines.push(line) })
    expect(report.ok).toBe(true)
    expect(report.log.entries).toBe(5)
    expect(report.anchor.size).toBe(5)
    expect(report.verification).toMatchObject({ ok: true, size: 5, receiptsVerified: 5, anchorMatches: true })
    expect(report.erased.stillProvable).toBe(true)
    expect(lines.length).toBeGreaterThanOrEqual(5)
  })
})
