import { jetstream, jetstreamManager } from '@nats-io/jetstream'
import { connect } from '@nats-io/transport-node'
import { AlertSinkError } from '../errors/AnalysisError.ts'
import type { AlertMessage, AlertSink } from './Alert.ts'

/** Parameters of {@link createNatsSink}. */
export type CreateNatsSinkParameters = {
  /** NATS server(s) (default 127.0.0.1:4222). */
  servers?: string | string[]
  /** JetStream stream holding the alerts (default `FORENSICS_ALERTS`, subjects `forensics.alerts.>`). */
  stream?: string
  /** Subject prefix; the token is appended (default `forensics.alerts`). */
  prefix?: string
}

/** A NATS JetStream alert sink and the subject of a token's alerts. */
export type NatsSink = AlertSink & { subjectOf(token: string): string }

/**
 * Publishes each alert (and retraction) as JSON to the JetStream subject `forensics.alerts.<token>`, creating
 * the stream if it does not exist. The JetStream message id is `<alert id>@<block>:<tx>` for an alert and
 * `retraction:<alert id>@<block>:<tx>:<fromBlock>` for a retraction, so a re-sent message is stored once while
 * an alert the new fork of a reorg raises again (same alert id, another block or tx) is stored as new.
 *
 * @example
 * const sink = await createNatsSink({ servers: '127.0.0.1:4222' })
 * await sink.send(alert) // subject forensics.alerts.0x…
 */
export async function createNatsSink(parameters: CreateNatsSinkParameters = {}): Promise<NatsSink> {
  const servers = parameters.servers ?? '127.0.0.1:4222'
  const stream = parameters.stream ?? 'FORENSICS_ALERTS'
  const prefix = parameters.prefix ?? 'forensics.alerts'
  let nc: Awaited<ReturnType<typeof connect>>
  try {
    nc = await connect({ servers, timeout: 3_000 })
  } catch (cause) {
    throw new AlertSinkError('NATS unreachable', { details: String(servers), cause })
  }
  try {
    const jsm = await jetstreamManager(nc)
    await jsm.streams.info(stream).catch(() => jsm.streams.add({ name: stream, subjects: [`${prefix}.>`] }))
  } catch (cause) {
    await nc.close()
    throw new AlertSinkError('JetStream stream could not be created', { details: stream, cause })
  }
  const js = jetstream(nc)
  const subjectOf = (token: string) => `${prefix}.${token.replace(/[^A-Za-z0-9_-]/g, '_')}`
  return {
    name: 'nats',
    subjectOf,
    async send(message: AlertMessage) {
      try {
        await js.publish(subjectOf(message.token), JSON.stringify(message), { msgID: messageId(message) })
      } catch (cause) {
        throw new AlertSinkError('NATS publish failed', { details: subjectOf(message.token), cause })
      }
    },
    async close() {
      await nc.drain()
    },
  }
}

function messageId(message: AlertMessage): string {
  return message.type === 'alert'
    ? `${message.id}@${message.block}:${message.tx}`
    : `retraction:${message.alertId}@${message.block}:${message.tx}:${message.reorg.fromBlock}`
}
