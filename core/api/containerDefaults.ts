import { isJson, type Json } from './json'
import type { Container } from './pod'

export type { Json }

/** `f` applied to `o[key]` when it is an object; the object itself (same reference) when there is nothing to default. */
export const withObject = <O extends Json>(o: O, key: string, f: (v: Json) => Json): O => (isJson(o[key]) ? { ...o, [key]: f(o[key]) } : o)

/** `f` applied to every object of the array at `o[key]`. */
export const withEach = <O extends Json>(o: O, key: string, f: (v: Json) => Json): O =>
  Array.isArray(o[key]) ? { ...o, [key]: (o[key] as ReadonlyArray<unknown>).map((v) => (isJson(v) ? f(v) : v)) } : o

/** Fills the fields that are absent (`undefined`; Go's zero values count as unset for these). */
export const orDefault = (o: Json, defaults: Json): Json => {
  const out: Record<string, unknown> = { ...o }
  for (const [k, v] of Object.entries(defaults)) if (out[k] === undefined || out[k] === '' || out[k] === 0) out[k] = v
  return out
}

/** `SetDefaults_ObjectFieldSelector`: a field reference reads `v1` unless told otherwise. */
export const defaultFieldRef = (selector: Json): Json => withObject(selector, 'fieldRef', (ref) => orDefault(ref, { apiVersion: 'v1' }))

/** `SetDefaults_HTTPGetAction`: path `/`, scheme HTTP. */
const defaultHandler = (handler: Json): Json => {
  const withHttp = withObject(handler, 'httpGet', (get) => orDefault(get, { path: '/', scheme: 'HTTP' }))
  // GRPCAction.service carries `+default=""`: the pointer is set, so JSON shows `service: ""`.
  return withObject(withHttp, 'grpc', (grpc) => (grpc['service'] === undefined ? { ...grpc, service: '' } : grpc))
}

/** `SetDefaults_Probe`, then its handler's defaults. */
const defaultProbe = (probe: Json): Json => defaultHandler(orDefault(probe, { timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 }))

const probes = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const

/** `SetDefaults_Container` (pull policy, termination message) plus the nested types' defaults. */
export const defaultContainer = (c: Container, pullPolicy: (image: string | undefined) => string): Container => {
  let out: Json = {
    ...c,
    imagePullPolicy: c.imagePullPolicy ?? pullPolicy(c.image),
    resources: c.resources ?? {},
    terminationMessagePath: c.terminationMessagePath ?? '/dev/termination-log',
    terminationMessagePolicy: c.terminationMessagePolicy ?? 'File',
  }
  // ContainerPort.protocol carries `+default="TCP"`.
  out = withEach(out, 'ports', (p) => orDefault(p, { protocol: 'TCP' }))
  for (const probe of probes) out = withObject(out, probe, defaultProbe)
  out = withObject(out, 'lifecycle', (l) => withObject(withObject(l, 'postStart', defaultHandler), 'preStop', defaultHandler))
  out = withEach(out, 'env', (e) => withObject(e, 'valueFrom', defaultFieldRef))
  return out as Container
}
