import { pathToFileURL } from 'node:url'
import { webPaths } from './webPaths.ts'

/** Renders the dashboard's first page into its `index.html` template, with the API answers it needs. */
export type DashboardRenderer = (
  template: string,
  load: (path: string) => Promise<unknown>,
) => Promise<string>

/**
 * Loads the server-side renderer of the dashboard's first page from the build (`dist/ssr`, written by
 * `ensureWebBuild`): the server sends the audit page already rendered, with its data, so a browser shows real
 * content before the app's JavaScript has run.
 *
 * @example
 * const render = await loadDashboardRenderer()
 * const html = await render(template, (path) => app.request(path).then((r) => r.json()))
 */
export async function loadDashboardRenderer(): Promise<DashboardRenderer> {
  const module = (await import(pathToFileURL(webPaths.ssrEntry).href)) as {
    renderDashboard: DashboardRenderer
  }
  return module.renderDashboard
}
