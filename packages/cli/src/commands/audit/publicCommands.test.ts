import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAuditApp } from '@sextant/audit/http/createAuditApp'
import { serve } from '@sextant/audit/http/serve'
import { openAuditLog } from '@sextant/audit/log/openAuditLog'
import { openSqliteStorage } from '@sextant/audit/storage/openSqliteStorage'
import { devPrivateKeys } from '@sextant/chain/anvil/devAccounts'
import { startAnvil } from '@sextant/chain/anvil/startAnvil'
import { privateKeyToAccount } from 'viem/accounts'
import { afterAll, describe, expect, it } from 'vitest'
import { runSextant } from '../../testing/runSextant.ts'
import { readLogKey } from './auditContext.ts'

async function sextant(
  ...args: string[]
): Promise<{ code: number; json: Record<string, unknown>; err: string }> {
  const { code, out, err } = await runSextant(...args, '--json')
  return { code, json: out ? JSON.parse(out.trim().split('\n').at(-1)!) : {}, err }
}

const dir = mkdtempSync(join(tmpdir(), 'sextant-cli-pub-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('sextant audit: anchor, verify and witness against a served log', () => {
  it('anchors on a chain, verifies from public data with the anchor, and witnesses consistent growth', async () => {
    const at = ['--data-dir', dir]
    const { verifierKey } = (await sextant('audit', 'init', ...at)).json as { verifierKey: string }
    for (let i = 0; i < 3; i++) {
      writeFileSync(join(dir, 'e'), `entry ${i}`)
      await sextant('audit', 'append', join(dir, 'e'), ...at)
    }
    const anvil = await startAnvil()
    const key = devPrivateKeys(1)[0]!
    const origin = 'sextant.local/audit'
    const log = await openAuditLog({
      storage: await openSqliteStorage({ path: join(dir, 'audit.db'), origin }),
      signerKey: readLogKey({ dataDir: dir, origin }),
      checkpointIntervalMs: 0,
    })
    const server = await serve({ app: createAuditApp({ log }) })
    try {
      const anchored = await sextant(
        'audit',
        'anchor',
        ...at,
        '--rpc-url',
        anvil.rpcUrl,
        '--private-key',
        key,
      )
      expect(anchored.code).toBe(0)
      expect(anchored.json).toMatchObject({ size: 3, previousSize: 0 })
      const chainArgs = [
        '--rpc-url',
        anvil.rpcUrl,
        '--anchor',
        String(anchored.json.anchor),
        '--operator',
        privateKeyToAccount(key).address,
      ]
      const verified = await sextant('audit', 'verify', server.url, '--key', verifierKey, ...chainArgs)
      expect(verified.json).toEqual({ ok: true, size: 3, fetched: expect.any(Number), anchorsChecked: 1 })

      await sextant('audit', 'witness', 'init', '--name', 'witness.test/w1', '--algorithm', 'ed25519', ...at)
      const first = await sextant('audit', 'witness', 'cosign', server.url, '--log-key', verifierKey, ...at)
      expect(first.json).toMatchObject({ oldSize: 0, size: 3 })
      expect(String(first.json.note)).toContain('— witness.test/w1 ')

      await log.append(new TextEncoder().encode('entry 3'))
      await log.checkpoint()
      const second = await sextant('audit', 'witness', 'cosign', server.url, '--log-key', verifierKey, ...at)
      expect(second.json).toMatchObject({ oldSize: 3, size: 4 })
      const again = await sextant(
        'audit',
        'anchor',
        ...at,
        '--rpc-url',
        anvil.rpcUrl,
        '--private-key',
        key,
        '--anchor',
        String(anchored.json.anchor),
      )
      expect(again.json).toMatchObject({ size: 4, previousSize: 3 })

      const wrongKey = (await sextant('audit', 'init', '--data-dir', join(dir, 'other'))).json
        .verifierKey as string
      const bad = await sextant('audit', 'verify', server.url, '--key', wrongKey)
      expect(bad.code).toBe(1)
      expect(bad.json).toMatchObject({ ok: false })
    } finally {
      await server.close()
      await log.close()
      await anvil.stop()
    }
  })
})
