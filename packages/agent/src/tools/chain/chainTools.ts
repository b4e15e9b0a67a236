import { type Address, erc20Abi, formatEther, formatUnits, type Hash, type PublicClient } from 'viem'
import type { JsonSchema } from '../JsonSchema.ts'
import type { Tool } from '../Tool.ts'

const address: JsonSchema = { type: 'string', pattern: '^0x[0-9a-fA-F]{40}$' }

/**
 * Read-only chain tools over a viem public client: `chain_balance` (native), `chain_token_balance`,
 * `chain_token_metadata` (name, symbol, decimals, total supply) and `chain_transaction` (a transaction and its
 * receipt). Their results are trusted data (`output: 'tool'`), except that a token's own name and symbol are
 * chosen by whoever deployed it: the runtime taints results by their arguments' provenance too.
 *
 * @example
 * const tools = chainTools(publicClient)
 */
export function chainTools(client: PublicClient): Tool[] {
  return [
    {
      name: 'chain_balance',
      description: 'Native (ETH) balance of an address.',
      parameters: { type: 'object', properties: { address }, required: ['address'] },
      output: 'tool',
      handler: async (a: { address: Address }) => ({
        content: { address: a.address, eth: formatEther(await client.getBalance({ address: a.address })) },
      }),
    },
    {
      name: 'chain_token_balance',
      description: 'ERC-20 token balance of an address, in whole units.',
      parameters: {
        type: 'object',
        properties: { token: address, owner: address },
        required: ['token', 'owner'],
      },
      output: 'tool',
      handler: async (a: { token: Address; owner: Address }) => {
        const [decimals, value] = await Promise.all([
          client.readContract({ address: a.token, abi: erc20Abi, functionName: 'decimals' }),
          client.readContract({
            address: a.token,
            abi: erc20Abi,
            functionName: 'balanceOf',
            args: [a.owner],
          }),
        ])
        return { content: { token: a.token, owner: a.owner, amount: formatUnits(value, decimals) } }
      },
    },
    {
      name: 'chain_token_metadata',
      description: 'Name, symbol, decimals and total supply of an ERC-20 token.',
      parameters: { type: 'object', properties: { token: address }, required: ['token'] },
      output: 'untrusted',
      handler: async (a: { token: Address }) => {
        const read = <F extends 'name' | 'symbol' | 'decimals' | 'totalSupply'>(functionName: F) =>
          client.readContract({ address: a.token, abi: erc20Abi, functionName })
        const [name, symbol, decimals, supply] = await Promise.all([
          read('name'),
          read('symbol'),
          read('decimals'),
          read('totalSupply'),
        ])
        return {
          content: { token: a.token, name, symbol, decimals, totalSupply: formatUnits(supply, decimals) },
        }
      },
    },
    {
      name: 'chain_transaction',
      description: 'A transaction by hash: sender, recipient, value, status, block.',
      parameters: {
        type: 'object',
        properties: { hash: { type: 'string', pattern: '^0x[0-9a-fA-F]{64}$' } },
        required: ['hash'],
      },
      output: 'tool',
      handler: async (a: { hash: Hash }) => {
        const [tx, receipt] = await Promise.all([
          client.getTransaction({ hash: a.hash }),
          client.getTransactionReceipt({ hash: a.hash }),
        ])
        return {
          content: {
            hash: tx.hash,
            from: tx.from,
            to: tx.to,
            eth: formatEther(tx.value),
            status: receipt.status,
            block: Number(receipt.blockNumber),
          },
        }
      },
    },
  ]
}
