import type { Pod, PodSpec } from './pod'
import { defaultPod, defaultPodSpec } from './podDefaults'

const spec = (extra: Record<string, unknown>, container: Record<string, unknown> = {}): PodSpec =>
  ({ containers: [{ name: 'c', image: 'busybox:1.36', ...container }], ...extra }) as PodSpec

const field = (o: unknown, ...path: ReadonlyArray<string | number>): unknown =>
  path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], o)

describe('pod template defaults (SetDefaults_PodSpec, _Container and the nested types)', () => {
  it('defaults probes, their HTTP and gRPC handlers, lifecycle handlers, ports and field references', () => {
    const out = defaultPodSpec(
      spec(
        {},
        {
          ports: [{ containerPort: 80 }, { containerPort: 53, protocol: 'UDP' }],
          livenessProbe: { httpGet: { port: 8080 } },
          readinessProbe: { grpc: { port: 9090 }, periodSeconds: 5 },
          startupProbe: { exec: { command: ['true'] }, failureThreshold: 30 },
          lifecycle: { preStop: { httpGet: { port: 80, path: '/quit' } } },
          env: [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }, { name: 'PLAIN', value: 'x' }],
        },
      ),
    )
    const c = out.containers[0]
    expect(field(c, 'ports')).toEqual([
      { containerPort: 80, protocol: 'TCP' },
      { containerPort: 53, protocol: 'UDP' },
    ])
    expect(field(c, 'livenessProbe')).toEqual({ httpGet: { port: 8080, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 })
    expect(field(c, 'readinessProbe')).toEqual({ grpc: { port: 9090, service: '' }, periodSeconds: 5, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 })
    expect(field(c, 'startupProbe', 'failureThreshold')).toBe(30)
    expect(field(c, 'lifecycle', 'preStop', 'httpGet')).toEqual({ port: 80, path: '/quit', scheme: 'HTTP' })
    expect(field(c, 'env')).toEqual([{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName', apiVersion: 'v1' } } }, { name: 'PLAIN', value: 'x' }])
  })

  it('defaults volumes: a volume with no source is an emptyDir; modes, hostPath type, token expiry', () => {
    const out = defaultPodSpec(
      spec({
        volumes: [
          { name: 'scratch' },
          { name: 'logs', hostPath: { path: '/var/log' } },
          { name: 'conf', configMap: { name: 'cm' } },
          { name: 'keys', secret: { secretName: 's', defaultMode: 0 } },
          { name: 'info', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
          { name: 'all', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } },
        ],
      }),
    )
    expect(field(out, 'volumes')).toEqual([
      { name: 'scratch', emptyDir: {} },
      { name: 'logs', hostPath: { path: '/var/log', type: '' } },
      { name: 'conf', configMap: { name: 'cm', defaultMode: 420 } },
      // A mode is a pointer upstream: an explicit 0 stays.
      { name: 'keys', secret: { secretName: 's', defaultMode: 0 } },
      { name: 'info', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels', apiVersion: 'v1' } }], defaultMode: 420 } },
      { name: 'all', projected: { sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 3600 } }], defaultMode: 420 } },
    ])
  })

  it('keeps serviceAccount and serviceAccountName equal, whichever is given', () => {
    expect(field(defaultPodSpec(spec({ serviceAccountName: 'agent' })), 'serviceAccount')).toBe('agent')
    expect(field(defaultPodSpec(spec({ serviceAccount: 'old' })), 'serviceAccountName')).toBe('old')
    expect(field(defaultPodSpec(spec({})), 'serviceAccount')).toBeUndefined()
  })

  it('is idempotent, so objects read back from a cluster are unchanged', () => {
    const once = defaultPodSpec(spec({ volumes: [{ name: 'v' }] }, { livenessProbe: { tcpSocket: { port: 1 } }, ports: [{ containerPort: 1 }] }))
    expect(defaultPodSpec(once)).toEqual(once)
  })
})

describe('Pod-only defaults (SetDefaults_Pod)', () => {
  const pod = (s: PodSpec): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: s })

  it('enables service links, copies limits into missing requests and, on the host network, ports into host ports', () => {
    const out = defaultPod(
      pod(spec({ hostNetwork: true }, { ports: [{ containerPort: 8080 }], resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } } })),
    )
    expect(field(out, 'spec', 'enableServiceLinks')).toBe(true)
    expect(field(out, 'spec', 'containers', 0, 'resources')).toEqual({ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m', memory: '1Gi' } })
    expect(field(out, 'spec', 'containers', 0, 'ports')).toEqual([{ containerPort: 8080, protocol: 'TCP', hostPort: 8080 }])
  })

  it('leaves templates alone: a workload template gets none of the Pod-only defaults', () => {
    const template = defaultPodSpec(spec({ hostNetwork: true }, { ports: [{ containerPort: 8080 }] }))
    expect(field(template, 'enableServiceLinks')).toBeUndefined()
    expect(field(template, 'containers', 0, 'ports', 0, 'hostPort')).toBeUndefined()
  })
})
