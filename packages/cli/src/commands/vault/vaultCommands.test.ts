import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { devPrivateKeys } from '@sextant/chain/anvil/devAccounts'
import { connectChain } from '@sextant/chain/clients/connectChain'
import { parseEther } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSextant } from '../../testing/runSextant.ts'

const keys = devPrivateKeys(8)
const [alice, mallory, guardian] = [4, 6, 3].map((i) => privateKeyToAccount(keys[i]!).address)
const agentKey = keys[7]!
let chain: Awaited<ReturnType<typeof connectChain>>
let dir: string
const policy = `version: 1
limits:
  ETH: { perTx: 0.5 ETH, windowCap: 1 ETH, window: 1h, approvalAbove: 0.2 ETH }
recipients: { alice: "${alice}" }
sessionKey: { budget: { ETH: 1 ETH } }
guardians: ["${guardian}"]
`

beforeAll(async () => {
  chain = await connectChain()
  dir = mkdtempSync(join(tmpdir(), 'sextant-vault-cli-'))
  writeFileSync(join(dir, 'policy.yaml'), policy)
})
afterAll(async () => {
  await chain?.close()
  rmSync(dir, { recursive: true, force: true })
})

/**
 * A JSON-RPC proxy to `target` that, like many hosted nodes, refuses `eth_getLogs` starting before `limit.from` or
 * spanning more than `limit.range` blocks; every range asked is recorded.
 */
async function limitingProxy(target: string, limit: { from: bigint; range: bigint }) {
  const asked: [bigint, bigint][] = []
  const server = createServer(async (req, res) => {
    let body = ''
    for await (const chunk of req) body += chunk
    const call = JSON.parse(body)
    res.setHeader('content-type', 'application/json')
    if (call.method === 'eth_getLogs') {
      const span: [bigint, bigint] = [BigInt(call.params[0].fromBlock), BigInt(call.params[0].toBlock)]
      asked.push(span)
      if (span[0] < limit.from || span[1] - span[0] + 1n > limit.range) {
        const error = { code: -32005, message: 'query exceeds the allowed block range' }
        return res.end(JSON.stringify({ jsonrpc: '2.0', id: call.id, error }))
      }
    }
    const answer = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    })
    res.end(await answer.text())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    asked,
    limit,
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}

describe('sextant vault', () => {
  it('checks and describes a policy file, and names the bad field', async () => {
    const ok = await runSextant('vault', 'policy', join(dir, 'policy.yaml'))
    expect(ok.code).toBe(0)
    expect(ok.out).toMatch(/ETH: at most 0.5 ETH per payment; at most 1 ETH in any 1 hour/)
    writeFileSync(join(dir, 'bad.yaml'), policy.replace('perTx: 0.5 ETH', 'perTx: 0.5 DOGE'))
    const bad = await runSextant('vault', 'policy', join(dir, 'bad.yaml'), '--json')
    expect(bad.code).toBe(1)
    expect(JSON.parse(bad.out).error).toMatchObject({
      message: 'unknown token',
      details: expect.stringMatching(/limits\.ETH\.perTx/),
    })
    const schema = await runSextant('vault', 'policy', '--schema', '--json')
    expect(JSON.parse(schema.out).properties.limits).toBeDefined()
  })

  it('creates a vault, pays, holds, approves, denies, drops a payee by applying a policy file, and pauses', async () => {
    const common = ['--data-dir', dir, '--rpc', chain.rpcUrl, '--json']
    const created = await runSextant(
      'vault',
      'create',
      '--policy',
      join(dir, 'policy.yaml'),
      '--owner-key',
      keys[1]!,
      '--owner-key',
      keys[2]!,
      '--session-key',
      privateKeyToAccount(agentKey).address,
      ...common,
    )
    expect(created.code).toBe(0)
    const vault = JSON.parse(created.out)
    const savedFile = join(dir, 'vault.json')
    const saved = JSON.parse(readFileSync(savedFile, 'utf8'))
    expect(saved.deployBlock).toBeGreaterThan(0)
    expect(saved.deployBlock).toBe(vault.deployBlock)
    await chain.publicClient.waitForTransactionReceipt({
      hash: await chain.walletClient.sendTransaction({ to: vault.safe, value: parseEther('5') }),
    })
    await chain.publicClient.waitForTransactionReceipt({
      hash: await chain.walletClient.sendTransaction({
        to: privateKeyToAccount(agentKey).address,
        value: parseEther('5'),
      }),
    })

    const pay = (to: string, value: string, ...extra: string[]) =>
      runSextant(
        'vault',
        'execute',
        '--to',
        to,
        '--value',
        value,
        '--session-key',
        agentKey,
        ...common,
        ...extra,
      )
    const user = ['--provenance', '{"recipient":"user","amount":"user","token":"user"}']
    const paid = await pay(alice!, '0.1 ETH', ...user)
    expect(JSON.parse(paid.out)).toMatchObject({ status: 'executed' })
    const refused = await pay(mallory!, '0.1 ETH', ...user)
    expect(refused.code).toBe(1)
    expect(JSON.parse(refused.out).decision.rule).toBe('policy.RecipientNotAllowed')

    const proposed = await runSextant(
      'vault',
      'propose',
      '--to',
      alice!,
      '--value',
      '0.3 ETH',
      '--session-key',
      agentKey,
      ...user,
      ...common,
    )
    expect(JSON.parse(proposed.out)).toMatchObject({
      approvalId: 1,
      decision: { decision: 'needs-approval' },
    })
    const held = await pay(alice!, '0.3 ETH', ...user)
    expect(JSON.parse(held.out)).toMatchObject({ status: 'needs-approval', approvalId: 2 })
    const list = await runSextant('vault', 'approvals', ...common)
    expect(JSON.parse(list.out).map((r: { id: number }) => r.id)).toEqual([1, 2])
    expect((await runSextant('vault', 'approve', '2', '--owner-key', keys[6]!, ...common)).code).toBe(1) // not an owner
    expect((await runSextant('vault', 'approve', '2', '--owner-key', keys[1]!, ...common)).code).toBe(0)
    const before = await chain.publicClient.getBalance({ address: alice! })
    const done = await pay(alice!, '0.3 ETH', '--approval', '2')
    expect(JSON.parse(done.out)).toMatchObject({ status: 'executed', approvalId: 2 })
    expect((await chain.publicClient.getBalance({ address: alice! })) - before).toBe(parseEther('0.3'))
    expect(JSON.parse((await runSextant('vault', 'deny', '1', '--by', alice!, ...common)).out).status).toBe(
      'denied',
    )

    // the owners apply a file without alice: the dropped payee is removed at once, nothing is queued; the node
    // refuses log scans from before the vault's deploy block, so this passes only if the saved block is used
    writeFileSync(join(dir, 'no-alice.yaml'), policy.replace(`recipients: { alice: "${alice}" }\n`, ''))
    const node = await limitingProxy(chain.rpcUrl, { from: BigInt(saved.deployBlock), range: 10_000n })
    const apply = (...extra: string[]) =>
      runSextant(
        'vault',
        'policy',
        join(dir, 'no-alice.yaml'),
        '--apply',
        '--owner-key',
        keys[1]!,
        '--owner-key',
        keys[2]!,
        ...['--data-dir', dir, '--rpc', node.url, '--json'],
        ...extra,
      )
    try {
      const applied = await apply()
      expect(applied.code).toBe(0)
      expect(JSON.parse(applied.out)).toMatchObject({ applied: [expect.any(String)], queued: [] })
      expect(node.asked[0]![0]).toBe(BigInt(saved.deployBlock))

      // a vault file saved before deployBlock existed still works: scans start at block 0, here in ranges of at
      // most --log-range blocks for a node that allows only 5
      const { deployBlock: _, ...old } = saved
      writeFileSync(savedFile, JSON.stringify(old))
      node.limit.from = 0n
      node.limit.range = 5n
      const refused = await apply()
      expect(refused.code).toBe(1)
      expect(JSON.parse(refused.out).error.details).toMatch(/^blocks 0\.\.\d+/)
      node.asked.length = 0
      const again = await apply('--log-range', '5')
      expect(again.code).toBe(0)
      expect(JSON.parse(again.out)).toMatchObject({ applied: [], queued: [] })
      expect(node.asked[0]).toEqual([0n, 4n])
      expect(node.asked.length).toBeGreaterThan(1)
      expect(node.asked.every(([from, to]) => to - from < 5n)).toBe(true)
    } finally {
      await node.close()
    }
    const dropped = await pay(alice!, '0.1 ETH', ...user)
    expect(JSON.parse(dropped.out).decision.rule).toBe('policy.RecipientNotAllowed')

    expect((await runSextant('vault', 'pause', '--guardian-key', keys[3]!, ...common)).code).toBe(0)
    const paused = await pay(alice!, '0.1 ETH', ...user)
    expect(JSON.parse(paused.out).decision.rule).toBe('policy.Paused')
  })
})
