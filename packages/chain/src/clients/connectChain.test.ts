import { parseEther } from 'viem'
import { describe, expect, it } from 'vitest'
import { devPrivateKeys } from '../anvil/devAccounts.ts'
import { startAnvil } from '../anvil/startAnvil.ts'
import { connectChain } from './connectChain.ts'

describe('connectChain', () => {
  it('starts an embedded anvil on a free loopback port, sends a real transaction, and stops it', async () => {
    const chain = await connectChain()
    try {
      expect(chain.embedded).toBe(true)
      expect(chain.rpcUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      const to = '0x000000000000000000000000000000000000bEEF'
      const hash = await chain.walletClient.sendTransaction({ to, value: parseEther('1.5') })
      await chain.publicClient.waitForTransactionReceipt({ hash })
      expect(await chain.publicClient.getBalance({ address: to })).toBe(parseEther('1.5'))
    } finally {
      await chain.close()
    }
    await expect(fetch(chain.rpcUrl)).rejects.toThrow()
  })

  it('uses any JSON-RPC URL with a given key, and refuses a URL without a key', async () => {
    const node = await startAnvil()
    try {
      const key = devPrivateKeys(3)[2]!
      const chain = await connectChain({ rpcUrl: node.rpcUrl, privateKey: key })
      expect(chain.embedded).toBe(false)
      expect(chain.account.address).toBe('0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC')
      await expect(connectChain({ rpcUrl: node.rpcUrl })).rejects.toThrow(/private key is required/)
    } finally {
      await node.stop()
    }
  })

  it('fails clearly when the RPC does not answer', async () => {
    await expect(
      connectChain({ rpcUrl: 'http://127.0.0.1:1', privateKey: devPrivateKeys(1)[0]! }),
    ).rejects.toThrow(/cannot reach the chain/)
  })
})
