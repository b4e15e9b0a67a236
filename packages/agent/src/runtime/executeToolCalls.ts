import type { JsonValue } from '@sextant/audit/json/JsonValue'
import type { ChatMessage, ToolCall } from '../models/ChatModel.ts'
import type { TaintLedger } from '../taint/TaintLedger.ts'
import { worstProvenance } from '../taint/worstProvenance.ts'
import type { Toolbox } from '../tools/createToolbox.ts'
import type { AgentRunResult } from './AgentRunResult.ts'
import { checkToolCall } from './checkToolCall.ts'
import type { createSessionRecorder } from './createSessionRecorder.ts'

/** Parameters of {@link executeToolCalls}. */
export type ExecuteToolCallsParameters = {
  toolbox: Toolbox
  calls: ToolCall[]
  ledger: TaintLedger
  messages: ChatMessage[]
  recorder: ReturnType<typeof createSessionRecorder>
  sessionId: string
  signal: AbortSignal
  /** The previous step already asked for a repair: a malformed call now executes nothing more. */
  repairing: boolean
}

const now = () => performance.timeOrigin + performance.now()

/**
 * Executes one model turn's tool calls in order. Each call is checked (known tool, JSON object, schema); a
 * malformed one is answered with a repair request instead of running (and, when a repair was already asked,
 * nothing further runs). Each executed call's result joins the taint ledger with the least trusted of the tool's
 * own provenance and its arguments' (a trusted tool echoing an untrusted address does not launder it). Records
 * an `execute_tool` event per call and a `payment` event per guard decision.
 *
 * @example
 * const { payments, malformed } = await executeToolCalls({ toolbox, calls, ledger, messages, recorder, sessionId, signal, repairing: false })
 */
export async function executeToolCalls(
  p: ExecuteToolCallsParameters,
): Promise<{ payments: AgentRunResult['payments']; malformed?: string }> {
  const payments: AgentRunResult['payments'] = []
  let malformed: string | undefined
  for (const call of p.calls) {
    const t0 = now()
    const checked =
      malformed && p.repairing
        ? { ok: false as const, problem: 'not run: an earlier call was malformed' }
        : checkToolCall(p.toolbox, call)
    const base = {
      'gen_ai.operation.name': 'execute_tool' as const,
      'gen_ai.tool.name': call.name || '(none)',
      'gen_ai.tool.call.id': call.id,
      'gen_ai.tool.type': 'function',
    }
    if (!checked.ok) {
      malformed ??= `${call.name || '(no name)'}: ${checked.problem}`
      const content = JSON.stringify({
        error: `malformed tool call: ${checked.problem}. Reply with a corrected call.`,
      })
      p.messages.push({ role: 'tool', toolCallId: call.id, name: call.name, content })
      p.recorder.record(
        {
          ...base,
          'sextant.outcome': 'error',
          'error.type': 'malformed_tool_call',
          private: {
            'gen_ai.tool.call.arguments': call.arguments,
            'gen_ai.tool.call.result': content,
            'error.message': checked.problem,
          },
        },
        t0,
      )
      continue
    }
    const argProvenance = p.ledger.deriveAll(checked.args)
    const provenance = worstProvenance([checked.tool.output, argProvenance])
    let content: JsonValue
    let outcome: 'ok' | 'error' = 'ok'
    let payment: AgentRunResult['payments'][number] | undefined
    try {
      const r = await checked.tool.handler(checked.args, {
        sessionId: p.sessionId,
        callId: call.id,
        signal: p.signal,
        taint: (v) => p.ledger.derive(v),
      })
      content = r.content
      if (r.payment) payment = { ...r.payment, callId: call.id }
    } catch (error) {
      outcome = 'error'
      content = { error: String((error as Error)?.message ?? error).split('\n')[0]! }
    }
    const text = typeof content === 'string' ? content : JSON.stringify(content)
    p.ledger.add({ id: `${call.id}:${call.name}`, provenance, text })
    p.messages.push({ role: 'tool', toolCallId: call.id, name: call.name, content: text })
    p.recorder.record(
      {
        ...base,
        'sextant.outcome': outcome,
        ...(outcome === 'error' ? { 'error.type': 'tool_error' } : {}),
        attributes: { 'sextant.taint.output': checked.tool.output, 'sextant.taint.result': provenance },
        private: { 'gen_ai.tool.call.arguments': checked.args as JsonValue, 'gen_ai.tool.call.result': text },
      },
      t0,
    )
    if (payment) {
      payments.push(payment)
      p.recorder.record(
        {
          'gen_ai.operation.name': 'payment',
          'gen_ai.tool.name': call.name,
          'gen_ai.tool.call.id': call.id,
          'sextant.payment.decision': payment.decision === 'needs-approval' ? 'approval' : payment.decision,
          'sextant.payment.rule': `${payment.rule}: ${payment.reason}`.slice(0, 500),
          'sextant.payment.chain_id': payment.chainId,
          ...(payment.txHash ? { 'sextant.payment.tx_hash': payment.txHash } : {}),
          'sextant.payment.value': payment.value.toString(),
          'sextant.payment.asset': payment.asset,
          attributes: {
            'sextant.payment.kind': payment.kind,
            'sextant.taint.provenance': payment.provenance,
            ...(payment.approvalId ? { 'sextant.payment.approval_id': payment.approvalId } : {}),
          },
          private: { 'sextant.payment.to': payment.to },
        },
        t0,
      )
    }
  }
  return malformed ? { payments, malformed } : { payments }
}
