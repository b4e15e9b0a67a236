import { deepSeekR1DistillQwen1_5B, tinyLlama } from '@sextant/agent/gguf/ModelShape'
import { writeRandomModel } from '@sextant/agent/gguf/writeRandomModel'
import { replaySession } from '@sextant/agent/replay/replaySession'
import type { Command } from 'commander'
import { CliError } from '../../errors/CliError.ts'
import { printResult } from '../../output/printResult.ts'
import { type AuditOptions, withAuditOptions, withLog } from '../audit/auditContext.ts'
import type { AgentRunOptions } from './agentRunOptions.ts'
import { runAgentCommand } from './runAgentCommand.ts'

const collect = (value: string, previous: string[] = []) => [...previous, value]

/**
 * Adds `sextant agent run|replay|gguf`: run a guarded, audited agent; rebuild and check a session from the audit
 * log; write random-weight GGUF models (tests, speed runs).
 *
 * @example
 * registerAgentCommands(program)
 */
export function registerAgentCommands(program: Command): void {
  const agent = program.command('agent').description('AI agents whose every step is guarded and audited')
  withAuditOptions(agent.command('run'))
    .description('run an agent on a task: model, tools, wallet guard, audit log')
    .argument('<task>', "the user's task")
    .option('--config <file>', 'agent config (JSON or YAML)')
    .option('--model <model>', 'OpenAI-compatible URL, a .gguf file, or script:<turns.json>')
    .option('--model-name <name>', 'model name at the endpoint')
    .option('--api-key-env <var>', 'environment variable holding the API key')
    .option('--vault <address>', 'the vault the agent pays from (default: the key’s account)')
    .option(
      '--vault-module <address>',
      "the vault's Sextant guard module (pays through the Safe; the key is the session key)",
    )
    .option(
      '--vault-policy <file>',
      "the vault's policy file: swaps on the pairs under its `swaps:`, its tokens by symbol",
    )
    .option('--swap-pair <address>', 'a Uniswap V2 pair the agent may swap on (repeat for more)', collect)
    .option('--slippage-bps <n>', 'price tolerance of swaps in basis points (default 50)')
    .option('--allow <address...>', 'allowlisted recipients')
    .option('--limit <eth>', 'per-transaction ETH limit (default 0.1)')
    .option('--daily <eth>', 'daily ETH budget')
    .option('--on-untrusted <what>', 'needs-approval (default) or deny')
    .option('--tools <list>', 'comma-separated tool groups or names (default vault,chain,audit)')
    .option('--max-steps <n>')
    .option('--max-tokens <n>')
    .option('--timeout-ms <n>')
    .option('--seed <n>')
    .option('--temperature <t>')
    .option('--rpc-url <url>', 'EVM JSON-RPC (default: an embedded anvil)')
    .option('--private-key <hex>', 'vault key for --rpc-url (or SEXTANT_PRIVATE_KEY)')
    .action(async (task: string, options: AgentRunOptions & AuditOptions, command: Command) => {
      const report = await runAgentCommand(task, options, options)
      printResult(command, report, () =>
        [
          `session ${report.sessionId}: ${report.status}${report.reason ? ` (${report.reason})` : ''} after ${report.steps} step(s), ${report.usage.inputTokens}+${report.usage.outputTokens} tokens`,
          ...report.payments.map(
            (p) =>
              `  payment ${p.decision} [${p.rule}] ${p.value} ${p.asset} to ${p.to}${p.txHash ? ` tx ${p.txHash}` : ''} (provenance ${JSON.stringify(p.provenance)})`,
          ),
          `answer: ${report.answer}`,
          `audit: ${report.log.indexes.length} events in ${report.log.origin}; check with: sextant agent replay ${report.sessionId}`,
        ].join('\n'),
      )
      if (report.status !== 'done') process.exitCode = 1
    })
  withAuditOptions(agent.command('replay'))
    .description('rebuild a session from the audit log and check it against the log')
    .argument('<session>', 'session id (gen_ai.conversation.id)')
    .action(async (session: string, options: AuditOptions, command: Command) => {
      const report = await withLog(options, (log) => replaySession(log, session))
      const { transcript, ...summary } = report
      printResult(command, { ...summary, transcript }, () =>
        [
          `session ${session}: ${report.ok ? 'REPLAY MATCHES THE LOG' : 'REPLAY MISMATCH'} — ${report.events} events, ${report.steps} model calls, ${report.toolCalls} tool calls, ${report.payments.length} payment decisions, status ${report.status}`,
          ...report.payments.map(
            (p) => `  payment ${p.decision} [${p.rule}] ${p.value} ${p.asset} to ${p.to}`,
          ),
          ...report.problems.map((p) => `  problem: ${p}`),
          `answer: ${report.answer}`,
        ].join('\n'),
      )
      if (!report.ok) process.exitCode = 1
    })
  agent
    .command('gguf')
    .description(
      'write a random-weight GGUF model (tiny test model, or DeepSeek-R1-Distill-Qwen-1.5B shapes)',
    )
    .requiredOption('--out <file>', 'output path')
    .option('--shape <shape>', 'tiny | r1-distill-qwen-1.5b', 'tiny')
    .option('--type <type>', 'F32 | F16 | Q8_0 | Q4_0', 'F16')
    .option('--seed <n>', 'weights seed', '1')
    .action((options: { out: string; shape: string; type: string; seed: string }, command: Command) => {
      const shape =
        options.shape === 'tiny'
          ? tinyLlama
          : options.shape === 'r1-distill-qwen-1.5b'
            ? deepSeekR1DistillQwen1_5B
            : undefined
      if (!shape) throw new CliError('unknown shape', { details: options.shape })
      if (!['F32', 'F16', 'Q8_0', 'Q4_0'].includes(options.type))
        throw new CliError('unknown tensor type', { details: options.type })
      const started = Date.now()
      const bytes = writeRandomModel({
        path: options.out,
        shape,
        type: options.type as 'F16',
        seed: Number(options.seed),
      })
      printResult(
        command,
        { path: options.out, bytes, seconds: (Date.now() - started) / 1000 },
        () => `wrote ${options.out}: ${bytes} bytes (${options.shape}, ${options.type})`,
      )
    })
}
