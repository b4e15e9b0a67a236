import type { OpenApiPaths } from '../openapi/OpenApiPaths.ts'
import { operation } from '../openapi/operation.ts'

const tag = 'audit'
const index = { in: 'path', name: 'index', required: true, schema: { type: 'integer', minimum: 0 } }
const entry = {
  type: 'object',
  properties: {
    index: { type: 'integer' },
    kind: { enum: ['ai-event', 'opaque', 'invalid'] },
    bytes: { type: 'integer' },
    fields: { type: 'object', description: 'public fields of an AI event (never the private ones)' },
    private: { type: 'boolean', description: 'private data still held (false once erased)' },
  },
}

/**
 * OpenAPI paths of the audit module (relative to `/api/audit`). The log's tlog-tiles API itself is at
 * `/audit/` (c2sp.org/tlog-tiles: `checkpoint`, `tile/…`, `receipt/<index>`, `POST add` with the token).
 *
 * @example
 * const doc = openApiDocument({ modules: [{ name: 'audit', paths: auditPaths, … }] })
 */
export const auditPaths: OpenApiPaths = {
  '/summary': {
    get: operation({
      tag,
      summary: 'Log origin, verifier key, size, latest signed checkpoint, anchor contract, monitor state',
      response: {
        type: 'object',
        properties: {
          origin: { type: 'string' },
          verifierKey: { type: 'string', description: 'C2SP verifier key: all a verifier needs' },
          size: { type: 'integer' },
          checkpoint: {
            type: ['object', 'null'],
            properties: { size: { type: 'integer' }, note: { type: 'string' } },
          },
          anchor: { type: ['object', 'null'] },
          monitor: { type: 'object' },
        },
      },
    }),
  },
  '/anchors': {
    get: operation({
      tag,
      summary:
        'Checkpoints anchored on-chain (newest first), read from CheckpointAnchored events, with their signed notes',
      response: {
        type: 'object',
        properties: {
          anchors: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                size: { type: 'integer' },
                rootHash: { type: 'string' },
                blockNumber: { type: 'integer' },
                txHash: { type: 'string' },
                note: { type: ['string', 'null'] },
              },
            },
          },
        },
      },
    }),
  },
  '/entries': {
    get: operation({
      tag,
      summary: 'Entries, newest first',
      parameters: [
        { in: 'query', name: 'before', schema: { type: 'integer' } },
        { in: 'query', name: 'limit', schema: { type: 'integer', maximum: 500 } },
      ],
      response: {
        type: 'object',
        properties: { size: { type: 'integer' }, entries: { type: 'array', items: entry } },
      },
    }),
  },
  '/entries/{index}': {
    get: operation({
      tag,
      summary:
        'One entry: its bytes (base64), public fields and its c2sp.org/tlog-proof receipt, to verify offline',
      parameters: [index],
      response: {
        allOf: [
          entry,
          {
            type: 'object',
            properties: {
              entry: { type: 'string' },
              receipt: { type: 'string' },
              privateFields: {
                type: 'array',
                items: { type: 'string' },
                description: 'names (not values) of the private fields still held',
              },
            },
          },
        ],
      },
    }),
  },
  '/entries/{index}/disclose': {
    post: operation({
      tag,
      summary: 'Selective disclosure: the entry, the chosen private fields and a receipt',
      parameters: [index],
      body: {
        type: 'object',
        required: ['fields'],
        properties: { fields: { type: 'array', items: { type: 'string' } } },
      },
      response: {
        type: 'object',
        properties: {
          index: { type: 'integer' },
          entry: { type: 'string' },
          disclosures: { type: 'array', items: { type: 'string' } },
          receipt: { type: 'string' },
        },
      },
      writes: true,
    }),
  },
  '/entries/{index}/erase': {
    post: operation({
      tag,
      summary: "Erase an entry's private data; the tree and every proof stay valid",
      parameters: [index],
      response: { type: 'object', properties: { index: { type: 'integer' }, erased: { type: 'boolean' } } },
      writes: true,
    }),
  },
  '/alerts': {
    get: operation({
      tag,
      summary: "The log monitor's findings (split views, inconsistent checkpoints, anchor mismatches)",
      response: { type: 'object', properties: { monitor: { type: 'object' }, findings: { type: 'array' } } },
    }),
  },
}
