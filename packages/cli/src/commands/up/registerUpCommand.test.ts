import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runSextant } from '../../testing/runSextant.ts'

const dataDir = mkdtempSync(join(tmpdir(), 'sextant-up-cli-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

describe('sextant up', () => {
  it('--once runs one agent session, anchors, prints the report and stops', async () => {
    const { code, out } = await runSextant('up', '--once', '--port', '0', '--data-dir', dataDir, '--json')
    expect(code).toBe(0)
    const report = JSON.parse(out.trim().split('\n').at(-1)!)
    expect(report.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(report.dashboard).toContain('?token=')
    expect(report.log.size).toBeGreaterThan(5)
    expect(report.session).toMatchObject({ id: 'run-1', status: 'done', steps: 5 })
    expect(report.session.payments.map((o: { decision: string }) => o.decision)).toEqual(['allow', 'deny'])
    expect(report.modules).toEqual(expect.arrayContaining(['audit', 'agent', 'vault', 'forensics']))
    // Stopped: the server no longer answers.
    await expect(fetch(new URL('api/health', report.url))).rejects.toThrow()
  }, 120_000)

  it('refuses a bad --port before starting anything', async () => {
    const fresh = join(dataDir, 'never')
    const { code, err } = await runSextant('up', '--port', '99999', '--data-dir', fresh)
    expect(code).toBe(1)
    expect(err).toContain('invalid --port')
    expect(existsSync(fresh)).toBe(false)
  })
})
