import { writeFileSync } from 'node:fs'
import type { ChatModel, ChatRequest } from '@sextant/agent/models/ChatModel'
import { createScriptedModel, type ScriptedTurn } from '@sextant/agent/models/createScriptedModel'
import { replaySession } from '@sextant/agent/replay/replaySession'
import type { AgentRunResult } from '@sextant/agent/runtime/AgentRunResult'
import { runAgent } from '@sextant/agent/runtime/runAgent'
import { openTestLog } from '@sextant/agent/testing/openTestLog'
import { chainTools } from '@sextant/agent/tools/chain/chainTools'
import { connectChain } from '@sextant/chain/clients/connectChain'
import { deployContract } from '@sextant/chain/deploy/deployContract'
import { wETH9Abi, wETH9Bytecode } from '@sextant/chain/generated/WETH9'
import { type Address, type Hash, parseEther } from 'viem'

/** What the research example studies: a token, a holder, and one of the holder's transactions. */
export type ResearchSubject = { token: Address; holder: Address; transaction: Hash }

/**
 * The scripted stand-in researcher: reads the token's metadata, the holder's ETH and token balances and the
 * transaction, then writes a Markdown report citing every figure's source (tool call id).
 */
function researchScript(subject: ResearchSubject) {
  return (request: ChatRequest, n: number): ScriptedTurn => {
    if (n === 0) {
      return {
        reasoning: 'Gather metadata, balances and the transaction first.',
        toolCalls: [
          { name: 'chain_token_metadata', arguments: JSON.stringify({ token: subject.token }) },
          { name: 'chain_balance', arguments: JSON.stringify({ address: subject.holder }) },
          {
            name: 'chain_token_balance',
            arguments: JSON.stringify({ token: subject.token, owner: subject.holder }),
          },
          { name: 'chain_transaction', arguments: JSON.stringify({ hash: subject.transaction }) },
        ],
      }
    }
    const tool = request.messages.filter((m) => m.role === 'tool')
    const [meta, eth, held, tx] = tool.map((m) => JSON.parse(m.content))
    return {
      content: [
        `# On-chain report: ${meta.name} (${meta.symbol})`,
        '',
        `- Token ${subject.token}: ${meta.decimals} decimals, total supply ${meta.totalSupply} ${meta.symbol} [${tool[0]!.toolCallId}]`,
        `- Holder ${subject.holder}: ${eth.eth} ETH [${tool[1]!.toolCallId}], ${held.amount} ${meta.symbol} [${tool[2]!.toolCallId}]`,
        `- Transaction ${tx.hash}: ${tx.eth} ETH from ${tx.from} to ${tx.to}, ${tx.status} in block ${tx.block} [${tool[3]!.toolCallId}]`,
        '',
        `The holder owns ${((Number(held.amount) / Number(meta.totalSupply)) * 100).toFixed(1)}% of the supply.`,
      ].join('\n'),
    }
  }
}

/** Return type of {@link runResearchExample}. */
export type ResearchReport = {
  result: AgentRunResult
  report: string
  subject: ResearchSubject
  replayOk: boolean
}

/**
 * The research example: on an embedded anvil, deploys WETH and wraps 3 ETH; an agent with read-only chain tools
 * (no wallet) studies the token, a holder and a transaction, and writes a report (to `outPath` if given), every
 * step audited and replayed from the log.
 *
 * @example
 * const { report } = await runResearchExample({ outPath: 'report.md' })
 */
export async function runResearchExample(
  options: { model?: ChatModel; outPath?: string } = {},
): Promise<ResearchReport> {
  const chain = await connectChain()
  const audit = await openTestLog('sextant.example/research')
  try {
    const token = await deployContract(chain, { abi: wETH9Abi, bytecode: wETH9Bytecode })
    const transaction = await chain.walletClient.sendTransaction({ to: token, value: parseEther('3') })
    await chain.publicClient.waitForTransactionReceipt({ hash: transaction })
    const subject = { token, holder: chain.account.address, transaction }
    const result = await runAgent({
      model: options.model ?? createScriptedModel(researchScript(subject), 'research-script'),
      tools: chainTools(chain.publicClient),
      task: `Write a short report on token ${token}, holder ${subject.holder} and transaction ${transaction}. Cite the tool call behind each figure.`,
      log: audit.log,
      agentId: 'research-agent',
    })
    if (options.outPath) writeFileSync(options.outPath, `${result.answer}\n`)
    return {
      result,
      report: result.answer,
      subject,
      replayOk: (await replaySession(audit.log, result.sessionId)).ok,
    }
  } finally {
    await audit.close()
    await chain.close()
  }
}
