import {
  type Account,
  type Chain,
  createPublicClient,
  createWalletClient,
  defineChain,
  type Hex,
  http,
  type PublicClient,
  type Transport,
  type WalletClient,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { devPrivateKeys } from '../anvil/devAccounts.ts'
import { startAnvil } from '../anvil/startAnvil.ts'
import { ChainError } from '../errors/ChainError.ts'

/** Parameters of {@link connectChain}. Without `rpcUrl`, an embedded anvil is started. */
export type ConnectChainParameters = {
  /** Any EVM JSON-RPC URL (a testnet, a node). Omit to start the embedded anvil. */
  rpcUrl?: string
  /** Key that signs transactions. Required with `rpcUrl`; defaults to anvil's first dev key otherwise. */
  privateKey?: Hex
  /** Embedded anvil only: file to load state from and dump it to on stop (resume across runs). */
  statePath?: string
  /** Embedded anvil only: seconds between blocks (default: automine). */
  blockTime?: number
}

/** Return type of {@link connectChain}. */
export type ConnectChainReturnType = {
  rpcUrl: string
  chain: Chain
  account: Account
  publicClient: PublicClient<Transport, Chain>
  walletClient: WalletClient<Transport, Chain, Account>
  /** True when this call started the node (and `close` stops it). */
  embedded: boolean
  close(): Promise<void>
}

/**
 * Connects to an EVM chain: the embedded anvil by default, or any JSON-RPC URL with a key, so the same code
 * runs locally and against a real network.
 *
 * @example
 * const chain = await connectChain() // starts anvil on a free loopback port
 * const remote = await connectChain({ rpcUrl: 'https://rpc.sepolia.org', privateKey: '0x…' })
 */
export async function connectChain(parameters: ConnectChainParameters = {}): Promise<ConnectChainReturnType> {
  if (parameters.rpcUrl && !parameters.privateKey) {
    throw new ChainError('a private key is required with an RPC URL', { details: parameters.rpcUrl })
  }
  const anvil = parameters.rpcUrl
    ? undefined
    : await startAnvil({
        ...(parameters.statePath ? { statePath: parameters.statePath } : {}),
        ...(parameters.blockTime !== undefined ? { blockTime: parameters.blockTime } : {}),
      })
  const rpcUrl = parameters.rpcUrl ?? anvil!.rpcUrl
  try {
    const probe = createPublicClient({ transport: http(rpcUrl) })
    const id = await probe.getChainId()
    const chain = defineChain({
      id,
      name: anvil ? 'anvil' : `chain ${id}`,
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: [rpcUrl] } },
    })
    const account = privateKeyToAccount(parameters.privateKey ?? devPrivateKeys(1)[0]!)
    const transport = http(rpcUrl)
    return {
      rpcUrl,
      chain,
      account,
      publicClient: createPublicClient({ chain, transport, cacheTime: 0, pollingInterval: 50 }),
      walletClient: createWalletClient({ chain, transport, account, cacheTime: 0, pollingInterval: 50 }),
      embedded: anvil !== undefined,
      close: async () => {
        await anvil?.stop()
      },
    }
  } catch (cause) {
    await anvil?.stop()
    throw new ChainError('cannot reach the chain', { details: rpcUrl, cause })
  }
}
