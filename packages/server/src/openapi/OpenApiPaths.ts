/**
 * OpenAPI 3.1 path items (a plain JSON object per path: `get`, `post`, … operations). Kept loose on purpose:
 * modules write them by hand next to their routes, and `/openapi.json` is checked by tests against the routes.
 *
 * @example
 * const paths: OpenApiPaths = { '/summary': { get: { summary: 'Log size', responses: { 200: { description: 'ok' } } } } }
 */
export type OpenApiPaths = Record<string, Record<string, unknown>>
