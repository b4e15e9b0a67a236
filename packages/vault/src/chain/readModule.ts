import { iSextantGuardModuleAbi } from '@sextant/chain/generated/ISextantGuardModule'
import {
  type Address,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type ContractFunctionReturnType,
  decodeFunctionResult,
  encodeFunctionData,
} from 'viem'
import type { VaultClient } from './VaultClient.ts'

type Abi = typeof iSextantGuardModuleAbi
type ViewName = ContractFunctionName<Abi, 'view' | 'pure'>

/**
 * Reads a view of the guard module as of block time `time` (an `eth_call` with a block override), so window
 * sums and rate-limit counts are exactly those the module would see at that time.
 *
 * @example
 * const spent = await readModule(client, { module, functionName: 'windowSpent', args: [usdc], time: 1_800_000_000 })
 */
export async function readModule<const name extends ViewName>(
  client: Pick<VaultClient, 'publicClient'>,
  parameters: {
    module: Address
    functionName: name
    args: ContractFunctionArgs<Abi, 'view' | 'pure', name>
    time?: number
  },
): Promise<ContractFunctionReturnType<Abi, 'view' | 'pure', name>> {
  const data = encodeFunctionData({
    abi: iSextantGuardModuleAbi,
    functionName: parameters.functionName,
    args: parameters.args,
  } as never)
  const result = await client.publicClient.call({
    to: parameters.module,
    data,
    ...(parameters.time !== undefined ? { blockOverrides: { time: BigInt(parameters.time) } } : {}),
  })
  return decodeFunctionResult({
    abi: iSextantGuardModuleAbi,
    functionName: parameters.functionName,
    data: result.data ?? '0x',
  } as never) as never
}
