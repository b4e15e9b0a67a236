import { canonicalJson } from '@sextant/audit/json/canonicalJson'
import type { JsonValue } from '@sextant/audit/json/JsonValue'
import type { AuditLog } from '@sextant/audit/log/AuditLog'
import { verifyReceipt } from '@sextant/audit/receipt/verifyReceipt'
import type { ChatMessage } from '../models/ChatModel.ts'
import { fromOtelMessages, toOtelMessages } from '../runtime/toOtelMessages.ts'
import { createTaintLedger } from '../taint/createTaintLedger.ts'
import type { Provenance } from '../taint/Provenance.ts'
import { worstProvenance } from '../taint/worstProvenance.ts'
import { readSession } from './readSession.ts'

/** Return type of {@link replaySession}. */
export type ReplaySessionReturnType = {
  ok: boolean
  sessionId: string
  status: string
  events: number
  steps: number
  toolCalls: number
  payments: {
    decision: string
    rule: string
    value: string
    asset: string
    to: string
    txHash?: string
    provenance: JsonValue
  }[]
  usage: { inputTokens: number; outputTokens: number }
  /** The rebuilt transcript (system prompt first). */
  transcript: ChatMessage[]
  answer: string
  problems: string[]
}

const same = (a: unknown, b: unknown) => canonicalJson(a as JsonValue) === canonicalJson(b as JsonValue)

/**
 * Rebuilds a session from the audit log and checks it against the log: every entry's receipt verifies against
 * the log's key; one root `invoke_agent` span holds the others; each model call's recorded prompt equals the
 * transcript rebuilt from the earlier events; each proposed tool call has exactly one recorded execution with the
 * same arguments; each payment follows its tool call, and the provenance handed to the wallet guard equals the
 * provenance re-derived from the rebuilt inputs; token usage adds up; the final answer is the last completion.
 *
 * @example
 * const report = await replaySession(log, 's-1f2e…')
 * if (!report.ok) console.error(report.problems)
 */
export async function replaySession(log: AuditLog, sessionId: string): Promise<ReplaySessionReturnType> {
  const events = await readSession(log, sessionId)
  const problems: string[] = []
  const problem = (index: number, text: string) => problems.push(`entry ${index}: ${text}`)
  for (const { index, entry } of events) {
    try {
      verifyReceipt({ receipt: await log.receipt(index), entry, logVerifierKey: log.verifierKey })
    } catch (error) {
      problem(index, `receipt does not verify (${(error as Error).message.split('\n')[0]})`)
    }
  }
  const roots = events.filter((e) => e.event['gen_ai.operation.name'] === 'invoke_agent')
  const root = roots[0]?.event
  if (roots.length !== 1 || !root) problems.push(`expected one invoke_agent event, found ${roots.length}`)
  const rootInput = fromOtelMessages(root?.private?.['gen_ai.input.messages']) ?? []
  const system =
    (
      events.find((e) => e.event.private?.['gen_ai.system_instructions'])?.event.private?.[
        'gen_ai.system_instructions'
      ] as { content?: string }[] | undefined
    )?.[0]?.content ?? ''
  const transcript: ChatMessage[] = [{ role: 'system', content: system }, ...rootInput]
  const ledger = createTaintLedger([
    { id: 'system', provenance: 'system', text: system },
    { id: 'task', provenance: 'user', text: rootInput[0]?.content ?? '' },
  ])
  const pending = new Map<string, { name: string; arguments: string }>()
  const argsOf = new Map<string, { [k: string]: unknown }>()
  const report: ReplaySessionReturnType = {
    ok: false,
    sessionId,
    status: String(root?.attributes?.['sextant.agent.status'] ?? 'unknown'),
    events: events.length,
    steps: 0,
    toolCalls: 0,
    payments: [],
    usage: { inputTokens: 0, outputTokens: 0 },
    transcript,
    answer: '',
    problems,
  }
  let lastAnswer = ''
  for (const { index, event } of events) {
    if (event !== root && (event.trace_id !== root?.trace_id || event.parent_span_id !== root?.span_id))
      problem(index, 'not a child span of the session')
    const op = event['gen_ai.operation.name']
    if (op === 'chat') {
      report.steps++
      if (pending.size > 0)
        problem(index, `tool calls without a recorded execution: ${[...pending.keys()].join(', ')}`)
      pending.clear()
      if (!same(event.private?.['gen_ai.input.messages'], toOtelMessages(transcript.slice(1))))
        problem(index, 'prompt differs from the transcript rebuilt from the log')
      report.usage.inputTokens += event['gen_ai.usage.input_tokens'] ?? 0
      report.usage.outputTokens += event['gen_ai.usage.output_tokens'] ?? 0
      const [reply] = fromOtelMessages(event.private?.['gen_ai.output.messages']) ?? []
      if (reply?.role !== 'assistant') continue
      transcript.push(reply)
      lastAnswer = reply.content
      for (const c of reply.toolCalls ?? []) pending.set(c.id, c)
    } else if (op === 'execute_tool') {
      const id = event['gen_ai.tool.call.id'] ?? ''
      const call = pending.get(id)
      if (!call) {
        problem(index, `execution of a tool call the model did not propose (${id})`)
        continue
      }
      pending.delete(id)
      report.toolCalls++
      const recordedArgs = event.private?.['gen_ai.tool.call.arguments']
      const result = String(event.private?.['gen_ai.tool.call.result'] ?? '')
      transcript.push({ role: 'tool', toolCallId: id, name: call.name, content: result })
      if (event['error.type'] === 'malformed_tool_call') continue
      let proposed: unknown
      try {
        proposed = JSON.parse(call.arguments || '{}')
      } catch {}
      if (!same(proposed, recordedArgs)) problem(index, 'executed arguments differ from the proposed ones')
      argsOf.set(id, recordedArgs as { [k: string]: unknown })
      const output = event.attributes?.['sextant.taint.output'] as Provenance
      const expected = worstProvenance([output, ledger.deriveAll(recordedArgs)])
      if (event.attributes?.['sextant.taint.result'] !== expected)
        problem(
          index,
          `result provenance ${String(event.attributes?.['sextant.taint.result'])}, re-derived ${expected}`,
        )
      ledger.add({ id: `${id}:${call.name}`, provenance: expected, text: result })
    } else if (op === 'payment') {
      const id = event['gen_ai.tool.call.id'] ?? ''
      const args = argsOf.get(id)
      if (!args) {
        problem(index, `payment without its tool call (${id})`)
        continue
      }
      const recorded = (event.attributes?.['sextant.taint.provenance'] ?? {}) as { [arg: string]: string }
      for (const [arg, provenance] of Object.entries(recorded)) {
        // Provenance is derived before the tool's own result joins the ledger: compare against the ledger without it.
        const before = createTaintLedger(
          ledger.segments.filter((s) => s.id !== `${id}:${event['gen_ai.tool.name']}`),
        )
        const value = args[arg]
        const derived =
          typeof value === 'string' || typeof value === 'number' ? before.derive(value).provenance : undefined
        if (derived !== provenance)
          problem(index, `provenance of ${arg}: recorded ${provenance}, re-derived ${String(derived)}`)
      }
      const toolResult = transcript.findLast((m) => m.role === 'tool' && m.toolCallId === id)
      const decision = toolResult
        ? (JSON.parse(toolResult.content) as { decision?: string }).decision
        : undefined
      const mapped = decision === 'needs-approval' ? 'approval' : decision
      if (mapped !== event['sextant.payment.decision'])
        problem(
          index,
          `payment decision ${event['sextant.payment.decision']} but the tool reported ${decision}`,
        )
      report.payments.push({
        decision: String(event['sextant.payment.decision']),
        rule: String(event['sextant.payment.rule']),
        value: String(event['sextant.payment.value']),
        asset: String(event['sextant.payment.asset']),
        to: String(event.private?.['sextant.payment.to']),
        ...(event['sextant.payment.tx_hash'] ? { txHash: event['sextant.payment.tx_hash'] } : {}),
        provenance: recorded,
      })
    }
  }
  if (root) {
    if (
      root['gen_ai.usage.input_tokens'] !== report.usage.inputTokens ||
      root['gen_ai.usage.output_tokens'] !== report.usage.outputTokens
    )
      problems.push('session token usage does not add up')
    const [answer] = fromOtelMessages(root.private?.['gen_ai.output.messages']) ?? []
    report.answer = answer?.content ?? ''
    if (report.status === 'done' && report.answer !== lastAnswer)
      problems.push('final answer differs from the last completion')
  }
  report.ok = problems.length === 0
  return report
}
