/** Parameters of {@link operation}. */
export type OperationParameters = {
  summary: string
  /** Tag (the module's name) grouping the operation in the document. */
  tag: string
  /** Path and query parameters: `{ in: 'path', name: 'index', schema: { type: 'integer' } }`. */
  parameters?: Record<string, unknown>[]
  /** JSON schema of the request body, if any. */
  body?: Record<string, unknown>
  /** JSON schema of the 200 response. */
  response: Record<string, unknown>
  /** The route writes: needs the bearer token (documented as 401 otherwise). */
  writes?: boolean
}

/**
 * Builds one OpenAPI operation object with the house conventions: JSON bodies, `{ error: { code, message } }`
 * for 4xx, `bearer` security on writes.
 *
 * @example
 * const paths = { '/entries/{index}': { get: operation({ summary: 'One entry', tag: 'audit', response: { type: 'object' } }) } }
 */
export function operation({ summary, tag, parameters, body, response, writes }: OperationParameters) {
  const error = { $ref: '#/components/responses/Error' }
  return {
    summary,
    tags: [tag],
    ...(parameters ? { parameters } : {}),
    ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } } : {}),
    ...(writes ? { security: [{ bearer: [] }] } : {}),
    responses: {
      200: { description: 'OK', content: { 'application/json': { schema: response } } },
      400: error,
      404: error,
      ...(writes ? { 401: error } : {}),
    },
  }
}
