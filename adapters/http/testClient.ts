/** A plain HTTP client for tests that drive the served API the way client libraries do. */
export interface Reply {
  readonly status: number
  readonly headers: Headers
  readonly text: string
  /** The body parsed as JSON (an empty object when it is not JSON). */
  readonly body: Readonly<Record<string, unknown>>
}

export interface TestClient {
  call(path: string, init?: RequestInit): Promise<Reply>
  /** A request with a body, sent as JSON unless the content type says otherwise (a string body is sent as is). */
  send(method: string, path: string, body: unknown, contentType?: string): Promise<Reply>
}

export const testClient = (url: () => string): TestClient => {
  const call = async (path: string, init: RequestInit = {}): Promise<Reply> => {
    const res = await fetch(`${url()}${path}`, init)
    const text = await res.text()
    let body: Readonly<Record<string, unknown>> = {}
    try {
      body = JSON.parse(text) as Readonly<Record<string, unknown>>
    } catch {
      // Logs and other text replies.
    }
    return { status: res.status, headers: res.headers, text, body }
  }
  return {
    call,
    send: (method, path, body, contentType = 'application/json') =>
      call(path, { method, headers: { 'Content-Type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
  }
}

/** Reads a streaming reply in steps: each `until` waits for more text or the end, keeping what came before. */
export interface StreamReader {
  /** Waits until `done(all text so far)` or the stream ends or `timeoutMs` passes. */
  until(done: (text: string) => boolean, timeoutMs?: number): Promise<{ readonly text: string; readonly ended: boolean }>
}

export const streamReader = (res: Response): StreamReader => {
  const reader = res.body?.getReader()
  let text = ''
  let ended = reader === undefined
  // A read still pending when a step timed out is picked up by the next step.
  let pending: ReturnType<NonNullable<typeof reader>['read']> | undefined
  return {
    until: async (done, timeoutMs = 5000) => {
      const deadline = Date.now() + timeoutMs
      while (!ended && !done(text) && Date.now() < deadline && reader !== undefined) {
        pending ??= reader.read()
        let timer: NodeJS.Timeout | undefined
        const late = new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), Math.max(1, deadline - Date.now()))))
        const chunk = await Promise.race([pending, late])
        clearTimeout(timer)
        if (chunk === undefined) break
        pending = undefined
        if (chunk.done) ended = true
        else text += Buffer.from(chunk.value).toString('utf8')
      }
      return { text, ended }
    },
  }
}

/** Reads a streaming reply until `done` says enough arrived or the stream ends; answers the text so far. */
export const readUntil = (res: Response, done: (text: string) => boolean, timeoutMs = 5000): Promise<{ readonly text: string; readonly ended: boolean }> =>
  streamReader(res).until(done, timeoutMs)
