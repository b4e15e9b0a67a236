// npx tsx examples/swap-agent/run.ts [--model <url | file.gguf> --model-name <name>]
import { formatEther } from 'viem'
import { exampleModel } from '../exampleModel.ts'
import { runSwapExample } from './swapAgent.ts'

const { result, replayOk, balances, held } = await runSwapExample(exampleModel(process.argv.slice(2)))
for (const p of result.payments) {
  process.stdout.write(
    `${p.decision.padEnd(15)} ${p.rule.padEnd(28)} ${formatEther(p.value)} WETH on pair ${p.to} ${p.txHash ?? p.approvalId ?? ''}\n  ${p.reason}\n`,
  )
}
const { before, after } = balances
process.stdout.write(
  `Safe: WETH ${formatEther(before.WETH)} -> ${formatEther(after.WETH)}, VT ${formatEther(before.VT)} -> ${formatEther(after.VT)}; ${held} request(s) held for the owners
status ${result.status}, ${result.steps} steps; answer: ${result.answer}\nreplay from the audit log: ${replayOk ? 'matches' : 'MISMATCH'}\n`,
)
