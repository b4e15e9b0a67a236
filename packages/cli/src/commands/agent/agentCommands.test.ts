import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startChatServer } from '@sextant/agent/testing/startChatServer'
import { devPrivateKeys } from '@sextant/chain/anvil/devAccounts'
import { openApprovalStore } from '@sextant/vault/approvals/openApprovalStore'
import { quoteSwap } from '@sextant/vault/swap/quoteSwap'
import { setupTestVault } from '@sextant/vault/testing/setupTestVault'
import { type Address, erc20Abi, parseEther } from 'viem'
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

  it('swaps through the Safe-module vault on the pairs of the vault policy or --swap-pair; none configured: a clear refusal', async () => {
    let policyText = ''
    const t = await setupTestVault({
      swapPair: true,
      policyYaml: (a) => {
        policyText = swapPolicy(a)
        return policyText
      },
    })
    try {
      const [weth, vt, pair] = [t.weth, t.swap!.token, t.swap!.pair]
      const policyFile = join(dir, 'vault-policy.yaml')
      writeFileSync(policyFile, policyText)
      const script = join(dir, 'swap-turns.json')
      writeFileSync(
        script,
        JSON.stringify([
          { toolCalls: [{ name: 'vault_balances', arguments: '{}' }] },
          {
            reasoning: 'The balances list WETH and VT; swap 0.1 WETH as asked.',
            toolCalls: [
              {
                name: 'vault_swap',
                arguments: JSON.stringify({
                  tokenIn: weth,
                  tokenOut: vt,
                  amountIn: '0.1',
                  minAmountOut: '150',
                }),
              },
            ],
          },
          { content: 'Swapped.' },
        ]),
      )
      const balance = (token: Address) =>
        t.chain.publicClient.readContract({
          address: token,
          abi: erc20Abi,
          functionName: 'balanceOf',
          args: [t.vault.safe],
        })
      const agent = (...flags: string[]) =>
        runSextant(
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
          ...flags,
          'swap 0.1 WETH for VT',
        )
      const decisions = (out: string) =>
        (JSON.parse(out).payments as { decision: string; rule: string; reason: string; to: string }[]).map(
          (p) => [p.decision, p.rule],
        )

      // No pairs configured: refused, with the reason naming what is missing; nothing moves.
      const before = { weth: await balance(weth), vt: await balance(vt) }
      const refused = await agent()
      expect(refused.err).toBe('')
      expect(decisions(refused.out)).toEqual([['deny', 'swap.noPair']])
      expect(JSON.parse(refused.out).payments[0].reason).toMatch(/no swap pairs are configured/)
      expect([await balance(weth), await balance(vt)]).toEqual([before.weth, before.vt])

      // Pairs from the vault policy file's `swaps:` section: executed through the module.
      const fromPolicy = await agent('--vault-policy', policyFile)
      expect(fromPolicy.err).toBe('')
      const report = JSON.parse(fromPolicy.out)
      expect(report.status).toBe('done')
      expect(decisions(fromPolicy.out)).toEqual([['allow', 'ok']])
      expect(report.payments[0]).toMatchObject({ to: pair, value: String(parseEther('0.1')), asset: weth })
      expect(report.payments[0].reason).toMatch(/swap 0\.1 WETH for exactly [\d.]+ VT/)
      const receipt = await t.chain.publicClient.getTransactionReceipt({ hash: report.payments[0].txHash })
      expect(receipt.status).toBe('success')
      expect(await balance(weth)).toBe(before.weth - parseEther('0.1'))
      expect((await balance(vt)) - before.vt).toBeGreaterThanOrEqual(parseEther('150'))

      // --swap-pair with --slippage-bps 0: the Safe receives exactly the quote.
      const quote = await quoteSwap(t.chain, { pair, tokenIn: weth, amountIn: parseEther('0.1') })
      const vtBefore = await balance(vt)
      const fromFlag = await agent('--swap-pair', pair, '--slippage-bps', '0')
      expect(decisions(fromFlag.out)).toEqual([['allow', 'ok']])
      expect((await balance(vt)) - vtBefore).toBe(quote.amountOut)

      const replay = await runSextant('agent', 'replay', '--json', '--data-dir', dir, report.sessionId)
      expect(JSON.parse(replay.out)).toMatchObject({ ok: true, toolCalls: 2 })
    } finally {
      await t.chain.close()
    }
  })

  it('refuses bad options and writes random GGUF models', async () => {
    const bad = await runSextant('agent', 'run', '--data-dir', dir, '--model', 'gopher://x', 'task')
    expect(bad.code).toBe(1)
    expect(bad.err).toMatch(/--model must be/)
    const script = `script:${join(dir, 'turns.json')}`
    const bps = await runSextant(
      'agent',
      'run',
      '--data-dir',
      dir,
      '--model',
      script,
      '--slippage-bps',
      '1e4',
      'task',
    )
    expect(bps.err).toMatch(/--slippage-bps must be an integer from 0 to 9999/)
    const pair = await runSextant(
      'agent',
      'run',
      '--data-dir',
      dir,
      '--model',
      script,
      '--swap-pair',
      '0x12',
      'task',
    )
    expect(pair.err).toMatch(/--swap-pair must be a pair address/)
    const noModule = await runSextant(
      'agent',
      'run',
      '--data-dir',
      dir,
      '--model',
      script,
      '--swap-pair',
      attacker,
      'task',
    )
    expect(noModule.code).toBe(1)
    expect(noModule.err).toMatch(/swaps need the Safe-module vault/)
    const out = join(dir, 'tiny.gguf')
    const gguf = await runSextant('agent', 'gguf', '--json', '--out', out)
    expect(gguf.code).toBe(0)
    expect(JSON.parse(gguf.out).bytes).toBeGreaterThan(1_500_000)
  })
})

/** The vault policy of the swap test: WETH and VT with limits, alice allowlisted, the WETH/VT pair under `swaps`. */
function swapPolicy(a: Record<string, Address>): string {
  return `version: 1
tokens:
  WETH: { address: "${a.weth}", decimals: 18 }
  VT: { address: "${a.vt}", decimals: 18 }
limits:
  ETH: { perTx: 0.5 ETH, windowCap: 1 ETH, window: 1h }
  WETH: { perTx: 0.5 WETH, windowCap: 1 WETH, window: 1h }
  VT: { perTx: 1000 VT, windowCap: 2000 VT, window: 1h }
recipients:
  alice: "${a.alice}"
swaps:
  WETH-VT: "${a.pair}"
sessionKey:
  validFor: 30d
  budget: { ETH: unlimited, WETH: unlimited, VT: unlimited }
guardians: ["${a.guardian}"]
timelock: 1d
`
}
