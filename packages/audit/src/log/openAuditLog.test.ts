import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { decodeBase64 } from '../encoding/decodeBase64.ts'
import type { AiEvent } from '../events/AiEvent.ts'
import { verifyDisclosure } from '../events/verifyDisclosure.ts'
import { generateSignerKey } from '../note/generateSignerKey.ts'
import { verifyReceipt } from '../receipt/verifyReceipt.ts'
import { openSqliteStorage } from '../storage/openSqliteStorage.ts'
import { openAuditLog } from './openAuditLog.ts'

const origin = 'sextant.test/audit'
const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

async function open(options: { checkpointIntervalMs?: number; maxEntryBytes?: number } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'sextant-log-'))
  dirs.push(dir)
  const path = join(dir, 'audit.db')
  const { signerKey } = generateSignerKey({ name: origin })
  const log = await openAuditLog({
    storage: await openSqliteStorage({ path, origin }),
    signerKey,
    checkpointIntervalMs: options.checkpointIntervalMs ?? 0,
    ...(options.maxEntryBytes ? { maxEntryBytes: options.maxEntryBytes } : {}),
  })
  return { log, dir }
}

const chat = (i: number): AiEvent => ({
  'gen_ai.operation.name': 'chat',
  'gen_ai.agent.id': 'treasury-agent',
  'gen_ai.request.model': 'deepseek-r1-distill-qwen-1.5b',
  'gen_ai.usage.input_tokens': 100 + i,
  'gen_ai.usage.output_tokens': 20,
  private: {
    'gen_ai.input.messages': [
      { role: 'user', parts: [{ type: 'text', content: `pay invoice #${i} SECRET-${i}` }] },
    ],
    'gen_ai.output.messages': [{ role: 'assistant', parts: [{ type: 'text', content: `paying ${i}` }] }],
    'sextant.reasoning': `the invoice ${i} is within budget`,
  },
})

describe('openAuditLog', () => {
  it('records AI events whose receipts verify offline with only the public key', async () => {
    const { log } = await open()
    const { index } = await log.record(chat(1))
    await log.append(new TextEncoder().encode('an opaque entry'))
    const receipt = await log.receipt(index)
    const entry = (await log.storage.readEntries(index, index + 1))[0]!
    const verified = verifyReceipt({ receipt, entry, logVerifierKey: log.verifierKey })
    expect(verified.index).toBe(index)
    expect(new TextDecoder().decode(entry)).not.toContain('SECRET-1')
    expect((await log.readEvent(index)).private?.['sextant.reasoning']).toBe('the invoice 1 is within budget')
    await log.close()
  })

  it('discloses one private field without the others, with proof the entry is logged', async () => {
    const { log } = await open()
    await log.record(chat(0))
    const { index } = await log.record(chat(7))
    const d = await log.disclose(index, ['gen_ai.output.messages'])
    const entry = decodeBase64(d.entry)!
    const { revealed } = verifyDisclosure({ entry, disclosures: d.disclosures })
    expect(Object.keys(revealed)).toEqual(['gen_ai.output.messages'])
    expect(JSON.stringify(d)).not.toContain('SECRET-7')
    expect(verifyReceipt({ receipt: d.receipt, entry, logVerifierKey: log.verifierKey }).index).toBe(index)
    await log.close()
  })

  it('erases a random 10% of entries: every checkpoint and proof still verifies, the payloads are gone', async () => {
    const { log, dir } = await open()
    const n = 200
    for (let i = 0; i < n; i++) await log.record(chat(i))
    const early = await log.checkpoint()
    const erased = new Set<number>()
    while (erased.size < n / 10) erased.add(Math.floor(Math.random() * n))
    const secrets = new Map<number, Uint8Array>()
    for (const i of erased) {
      secrets.set(i, (await log.storage.getSecret(i))!)
      expect(await log.erase(i)).toBe(true)
    }
    expect(await log.erase([...erased][0]!)).toBe(false)
    const entries = await log.storage.readEntries(0, n)
    for (let i = 0; i < n; i++) {
      verifyReceipt({ receipt: await log.receipt(i), entry: entries[i]!, logVerifierKey: log.verifierKey })
      if (erased.has(i)) await expect(log.readEvent(i)).rejects.toThrow(/no private data/)
    }
    expect((await log.checkpoint()).note).toBe(early.note)
    await log.close()
    // The erased keys and ciphertexts are not left anywhere in the database files (secure_delete, WAL truncated).
    const files = readdirSync(dir).map((f) => readFileSync(join(dir, f)))
    for (const secret of secrets.values()) {
      const key = Buffer.from(secret.subarray(1, 33))
      for (const file of files) expect(file.includes(key)).toBe(false)
    }
  })

  it('signs checkpoints on its own shortly after growth', async () => {
    const { log } = await open({ checkpointIntervalMs: 20 })
    await log.append(new Uint8Array([1, 2, 3]))
    await new Promise((r) => setTimeout(r, 200))
    expect((await log.storage.latestCheckpoint())?.size).toBe(1)
    await log.close()
  })

  it('rejects bad input and changes nothing', async () => {
    const { log } = await open({ maxEntryBytes: 64 })
    await expect(log.append(new Uint8Array(65))).rejects.toThrow()
    await expect(log.append(new Uint8Array(0))).rejects.toThrow()
    await expect(log.record({ 'gen_ai.operation.name': 'teleport' } as unknown as AiEvent)).rejects.toThrow()
    await expect(log.receipt(0)).rejects.toThrow(/index out of range/)
    await expect(log.erase(0)).rejects.toThrow(/index out of range/)
    expect(await log.storage.size()).toBe(0)
    await log.close()
    const big = await open()
    await expect(big.log.append(new Uint8Array(65_536))).rejects.toThrow(/too large|exceeds|maxEntryBytes/)
    await big.log.close()
    const other = generateSignerKey({ name: 'someone.else/log' })
    const dir = mkdtempSync(join(tmpdir(), 'sextant-log-'))
    dirs.push(dir)
    await expect(
      openAuditLog({
        storage: await openSqliteStorage({ path: join(dir, 'a.db'), origin }),
        signerKey: other.signerKey,
      }),
    ).rejects.toThrow(/does not match the log/)
  })
})
