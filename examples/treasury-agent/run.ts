// npx tsx examples/treasury-agent/run.ts [--model <url | file.gguf> --model-name <name>]
import { exampleModel } from '../exampleModel.ts'
import { runTreasuryExample } from './treasuryAgent.ts'

const { result, replayOk } = await runTreasuryExample(exampleModel(process.argv.slice(2)))
for (const p of result.payments) {
  process.stdout.write(
    `${p.decision.padEnd(15)} ${p.rule.padEnd(22)} ${p.value} wei to ${p.to} ${p.txHash ?? p.approvalId ?? ''}\n`,
  )
}
process.stdout.write(
  `status ${result.status}, ${result.steps} steps; answer: ${result.answer}\nreplay from the audit log: ${replayOk ? 'matches' : 'MISMATCH'}\n`,
)
