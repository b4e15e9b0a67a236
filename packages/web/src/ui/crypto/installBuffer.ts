/**
 * The few `Buffer` calls the audit package's verification code makes (base64, base64url, UTF-8 byte length),
 * implemented on `Uint8Array` for the browser. Imported first by the dashboard's entry point.
 *
 * @example
 * import './crypto/installBuffer.ts'
 */
class BrowserBytes extends Uint8Array {
  override toString(encoding?: string): string {
    if (encoding === 'base64' || encoding === 'base64url') {
      let binary = ''
      for (const byte of this) binary += String.fromCharCode(byte)
      const b64 = btoa(binary)
      return encoding === 'base64' ? b64 : b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
    }
    if (encoding === 'hex') return [...this].map((b) => b.toString(16).padStart(2, '0')).join('')
    return new TextDecoder().decode(this)
  }
}

function copy(bytes: ArrayLike<number>): BrowserBytes {
  const out = new BrowserBytes(bytes.length)
  out.set(bytes)
  return out
}

const BrowserBuffer = {
  from(
    value: string | ArrayBufferLike | ArrayLike<number>,
    encodingOrOffset?: string | number,
    length?: number,
  ) {
    if (typeof value === 'string') {
      if (encodingOrOffset === 'base64' || encodingOrOffset === 'base64url') {
        const normal = value
          .replace(/-/g, '+')
          .replace(/_/g, '/')
          .replace(/[^A-Za-z0-9+/]/g, '')
        let binary = ''
        try {
          binary = atob(normal + '='.repeat((4 - (normal.length % 4)) % 4))
        } catch {
          binary = ''
        }
        return copy(Array.from(binary, (c) => c.charCodeAt(0)))
      }
      return copy(new TextEncoder().encode(value))
    }
    if (value instanceof ArrayBuffer) {
      const offset = typeof encodingOrOffset === 'number' ? encodingOrOffset : 0
      return copy(new Uint8Array(value, offset, length ?? value.byteLength - offset))
    }
    return copy(value as ArrayLike<number>)
  },
  byteLength(value: string) {
    return new TextEncoder().encode(value).length
  },
}

if (typeof (globalThis as { Buffer?: unknown }).Buffer === 'undefined') {
  ;(globalThis as { Buffer?: unknown }).Buffer = BrowserBuffer
}

export {}
