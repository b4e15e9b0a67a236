// npx tsx examples/research-agent/run.ts [--model <url | file.gguf> --model-name <name>] [--out report.md]
import { exampleModel } from '../exampleModel.ts'
import { runResearchExample } from './researchAgent.ts'

const argv = process.argv.slice(2)
const out = argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : undefined
const model = exampleModel(argv)
const { report, result, replayOk } = await runResearchExample({
  ...(model ? { model } : {}),
  ...(out ? { outPath: out } : {}),
})
process.stdout.write(
  `${report}\n\nstatus ${result.status}, ${result.steps} steps; replay from the audit log: ${replayOk ? 'matches' : 'MISMATCH'}\n`,
)
