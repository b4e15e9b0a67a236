import { describe, expect, it } from 'vitest'
import { HttpError } from '../errors/HttpError.ts'
import { createMemoryStorage } from '../storage/createMemoryStorage.ts'
import { createLogApp } from './createLogApp.ts'
import { serve } from './serve.ts'

describe('serve', () => {
  it('binds loopback on a free port by default, serves, and closes', async () => {
    const storage = createMemoryStorage({ origin: 'test/log' })
    await storage.putCheckpoint({ size: 0, note: 'empty\n' })
    const { url, close } = await serve({ app: createLogApp({ storage }) })
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(new URL(url).port).not.toBe('0')
    const response = await fetch(new URL('checkpoint', url))
    expect(await response.text()).toBe('empty\n')
    await close()
    await expect(fetch(new URL('checkpoint', url))).rejects.toThrow()
  })

  it('rejects with HttpError when the port is taken', async () => {
    const app = createLogApp({ storage: createMemoryStorage({ origin: 'x' }) })
    const first = await serve({ app })
    const port = Number(new URL(first.url).port)
    const second = serve({ app, port })
    await expect(second).rejects.toThrow(HttpError)
    await expect(second).rejects.toMatchObject({ code: 'listen-failed' })
    await first.close()
  })
})
