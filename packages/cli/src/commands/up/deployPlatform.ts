import { deployCheckpointAnchor } from '@sextant/audit/anchor/deployCheckpointAnchor'
import { registerLog } from '@sextant/audit/anchor/registerLog'
import type { ConnectChainReturnType } from '@sextant/chain/clients/connectChain'
import { deployContract } from '@sextant/chain/deploy/deployContract'
import { launchpadAbi, launchpadBytecode } from '@sextant/chain/generated/Launchpad'
import { uniswapV2FactoryAbi, uniswapV2FactoryBytecode } from '@sextant/chain/generated/UniswapV2Factory'
import { wETH9Abi, wETH9Bytecode } from '@sextant/chain/generated/WETH9'
import type { Address, Hex } from 'viem'
import type { UpState } from './upState.ts'

/** Return type of {@link deployPlatform}. */
export type Platform = { contracts: Record<string, Address>; logId: Hex; reused: boolean }

/**
 * Deploys every Sextant contract — the audit log's CheckpointAnchor (with the log registered), WETH9, the
 * Uniswap V2 factory and the launchpad — or reuses the stored deployment when the chain still holds its code
 * (a resumed run).
 *
 * @example
 * const { contracts, logId } = await deployPlatform(chain, { state, say: console.log })
 */
export async function deployPlatform(
  chain: ConnectChainReturnType,
  { state, say }: { state: UpState; say: (line: string) => void },
): Promise<Platform> {
  const stored = state.contracts
  if (stored && state.logId && state.chainId === chain.chain.id) {
    const codes = await Promise.all(
      Object.values(stored).map((address) => chain.publicClient.getCode({ address })),
    )
    if (codes.every((code) => code !== undefined && code !== '0x')) {
      say(`reusing the deployed contracts (${Object.keys(stored).join(', ')})`)
      return { contracts: stored, logId: state.logId, reused: true }
    }
  }
  say('deploying CheckpointAnchor and registering the audit log')
  const anchor = await deployCheckpointAnchor(chain)
  const { logId } = await registerLog(chain, { anchor, origin: state.origin })
  say('deploying WETH9, the Uniswap V2 factory and the launchpad')
  const weth = await deployContract(chain, { abi: wETH9Abi, bytecode: wETH9Bytecode })
  const factory = await deployContract(chain, {
    abi: uniswapV2FactoryAbi,
    bytecode: uniswapV2FactoryBytecode,
    args: [chain.account.address],
  })
  const launchpad = await deployContract(chain, {
    abi: launchpadAbi,
    bytecode: launchpadBytecode,
    args: [factory, weth, chain.account.address, chain.account.address, 100],
  })
  return {
    contracts: { checkpointAnchor: anchor, weth, uniswapV2Factory: factory, launchpad },
    logId,
    reused: false,
  }
}
