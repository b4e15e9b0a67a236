import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startChatServer } from '@sextant/agent/testing/startChatServer'
import { devPrivateKeys } from '@sextant/chain/anvil/devAccounts'
import { openApprovalStore } from '@sextant/vault/approvals/openApprovalStore'
import { setupTestVault } from '@sextant/vault/testing/setupTestVault'
import { afterAll, describe, expect, it } from 'vitest'
import { runSextant } from '../../testing/runSextant.ts'

const dir = mkdtempSync(join(tmpdir(), 'sextant-agent-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const supplier = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const attacker = '0x90F79bf6EB2c4f870365E785982E1f101E93b906'

describe('sextant agent', () => {
  it('runs a scripted agent that pays an allowlisted supplier, then replays the session from the log', async () => {
    const script = join(dir, 'turns.json')
    writeFileSync(
      script,
      JSON.stringify([
        {
          reasoning: 'Invoice within limit.',
          toolCalls: [{ name: 'vault_transfer', arguments: JSON.stringify({ to: supplier, amount: '0.5' }) }],
        },
        {
          toolCalls: [{ name: 'vault_transfer', arguments: JSON.stringify({ to: attacker, amount: '0.5' }) }],
        },
        { content: 'Paid INV-42.' },
      ]),
    )
    const run = await runSextant(
      'agent',
      'run',
      '--json',
      '--data-dir',
      dir,
      '--model',
      `script:${script}`,
      '--allow',
      supplier,
      '--limit',
      '1',
      'Pay invoice INV-42 (0.5 ETH) to Acme.',
    )
    expect(run.err).toBe('')
    expect(run.code).toBe(0)
    const report = JSON.parse(run.out)
    expect(report.status).toBe('done')
    expect(report.payments.map((p: { decision: string }) => p.decision)).toEqual(['allow', 'needs-approval'])
    expect(report.payments[0].txHash).toMatch(/^0x[0-9a-f]{64}$/)
    expect(report.payments[1].provenance).toEqual({ to: 'agent', amount: 'user' })
    const replay = await runSextant('agent', 'replay', '--json', '--data-dir', dir, report.sessionId)
    expect(replay.code).toBe(0)
    expect(JSON.parse(replay.out)).toMatchObject({ ok: true, steps: 3, toolCalls: 2, answer: 'Paid INV-42.' })
    const missing = await runSextant('agent', 'replay', '--data-dir', dir, 's-nope')
    expect(missing.code).toBe(1)
    expect(missing.err).toMatch(/session not found/)
  })

  it('runs against an OpenAI-compatible endpoint with a YAML config', async () => {
    const server = await startChatServer(() => ({
      reasoning: 'nothing to pay',
      content: 'The vault holds funds.',
    }))
    try {
      const config = join(dir, 'agent.yaml')
      writeFileSync(
        config,
        `model: { url: "${server.baseUrl}", name: deepseek-reasoner }\ntools: [vault, chain]\nvault: { allowlist: [], perTransaction: { ETH: "0.1" } }\nbudgets: { maxSteps: 2 }\n`,
      )
      const run = await runSextant(
        'agent',
        'run',
        '--json',
        '--data-dir',
        dir,
        '--config',
        config,
        'How much is in the vault?',
      )
      expect(run.code).toBe(0)
      expect(JSON.parse(run.out)).toMatchObject({
        status: 'done',
        answer: 'The vault holds funds.',
        steps: 1,
      })
      expect(JSON.stringify(server.requests[0]?.tools)).toContain('vault_transfer')
    } finally {
      await server.close()
    }
  })

  it('pays through a Safe-module vault with --vault and --vault-module (the key is the session key)', async () => {
    const t = await setupTestVault()
    try {
      const script = join(dir, 'vault-turns.json')
      writeFileSync(
        script,
        JSON.stringify([
          {
            toolCalls: [
              { name: 'vault_transfer', arguments: JSON.stringify({ to: t.alice, amount: '0.1' }) },
            ],
          },
          {
            toolCalls: [
              { name: 'vault_transfer', arguments: JSON.stringify({ to: t.mallory, amount: '0.1' }) },
            ],
          },
          { content: 'Paid alice.' },
        ]),
      )
      const before = await t.chain.publicClient.getBalance({ address: t.alice })
      const run = await runSextant(
        'agent',
        'run',
        '--json',
        '--data-dir',
        dir,
        '--model',
        `script:${script}`,
        '--rpc-url',
        t.chain.rpcUrl,
        '--private-key',
        devPrivateKeys(8)[7]!,
        '--vault',
        t.vault.safe,
        '--vault-module',
        t.vault.module,
        `Pay 0.1 ETH to ${t.alice}.`,
      )
      expect(run.err).toBe('')
      const report = JSON.parse(run.out)
      expect(report.vault).toBe(t.vault.safe)
      expect(report.payments.map((p: { decision: string; rule: string }) => [p.decision, p.rule])).toEqual([
        ['allow', 'ok'],
        ['deny', 'policy.RecipientNotAllowed'],
      ])
      expect(await t.chain.publicClient.getBalance({ address: t.alice })).toBe(before + 10n ** 17n)
      // The vault `sextant vault create` saved in the data dir is found without --vault-module; held requests
      // land in the approvals database `sextant vault approvals` reads.
      const saved = join(dir, 'saved')
      mkdirSync(saved)
      writeFileSync(
        join(saved, 'vault.json'),
        JSON.stringify({ chainId: t.vault.chainId, safe: t.vault.safe, module: t.vault.module }),
      )
      const cosignScript = join(dir, 'cosign.json')
      writeFileSync(
        cosignScript,
        JSON.stringify([
          {
            toolCalls: [{ name: 'vault_transfer', arguments: JSON.stringify({ to: t.bob, amount: '0.3' }) }],
          },
          { content: 'Asked.' },
        ]),
      )
      const held = await runSextant(
        'agent',
        'run',
        '--json',
        '--data-dir',
        saved,
        '--model',
        `script:${cosignScript}`,
        '--rpc-url',
        t.chain.rpcUrl,
        '--private-key',
        devPrivateKeys(8)[7]!,
        `Pay 0.3 ETH to ${t.bob}.`,
      )
      expect(JSON.parse(held.out).payments[0]).toMatchObject({ decision: 'needs-approval' })
      const store = openApprovalStore({ path: join(saved, 'vault.db') })
      expect(store.list({ status: 'pending' }).map((r) => r.to)).toEqual([t.bob])
      store.close()
    } finally {
      await t.chain.close()
    }
  })

  it('refuses bad options and writes random GGUF models', async () => {
    const bad = await runSextant('agent', 'run', '--data-dir', dir, '--model', 'gopher://x', 'task')
    expect(bad.code).toBe(1)
    expect(bad.err).toMatch(/--model must be/)
    const out = join(dir, 'tiny.gguf')
    const gguf = await runSextant('agent', 'gguf', '--json', '--out', out)
    expect(gguf.code).toBe(0)
    expect(JSON.parse(gguf.out).bytes).toBeGreaterThan(1_500_000)
  })
})
