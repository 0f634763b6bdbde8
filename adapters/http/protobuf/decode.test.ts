import { job } from './batchSchema'
import { namespace } from './coreSchema'
import { decodeMessage } from './decode'
import { decodeKubernetesProtobuf } from './envelope'
import { ProtobufError, readFields } from './wire'

/** A tiny hand encoder, so the tests state their bytes field by field. */
type Bytes = ReadonlyArray<number>
const varint = (n: bigint | number): Bytes => {
  let v = BigInt.asUintN(64, BigInt(n))
  const out: number[] = []
  do {
    const low = Number(v & 0x7fn)
    v >>= 7n
    out.push(v === 0n ? low : low | 0x80)
  } while (v !== 0n)
  return out
}
const num = (field: number, n: bigint | number): Bytes => [...varint(field << 3), ...varint(n)]
const bytes = (field: number, body: Bytes): Bytes => [...varint((field << 3) | 2), ...varint(body.length), ...body]
const text = (field: number, s: string): Bytes => bytes(field, [...Buffer.from(s, 'utf8')])
const msg = (field: number, ...parts: ReadonlyArray<Bytes>): Bytes => bytes(field, parts.flat())
const u8 = (...parts: ReadonlyArray<Bytes>): Uint8Array => Uint8Array.from(parts.flat())

describe('wire reader', () => {
  it('reads varints, length-delimited and fixed fields', () => {
    expect(readFields(u8([0x08, 0x96, 0x01], text(2, 'hi'), [0x1d, 1, 0, 0, 0]))).toEqual([
      { num: 1, wire: 0, value: 150n },
      { num: 2, wire: 2, value: Uint8Array.from([0x68, 0x69]) },
      { num: 3, wire: 5, value: 1n },
    ])
  })

  it('rejects truncated fields, overlong varints and groups', () => {
    expect(() => readFields(u8([0x0a, 0x05, 0x61]))).toThrow(ProtobufError)
    expect(() => readFields(u8([0x08, 0xff, 0xff]))).toThrow(ProtobufError)
    expect(() => readFields(u8([0x08], Array(11).fill(0xff) as Bytes))).toThrow(ProtobufError)
    expect(() => readFields(u8([0x0b]))).toThrow(/wire type 3/)
  })
})

describe('schema decoding', () => {
  it('decodes a Job: map, repeated message, Time, Quantity, IntOrString, pointer zeros', () => {
    const container = (name: string, ...more: ReadonlyArray<Bytes>): Bytes => msg(2, text(1, name), text(2, 'busybox'), ...more)
    const spec = msg(
      2,
      num(7, 0), // backoffLimit: a set pointer keeps its zero
      num(3, -1), // activeDeadlineSeconds as a ten-byte negative varint
      msg(
        6,
        msg(1, text(1, ''), msg(8)), // template metadata: empty name, zero creationTimestamp
        msg(
          2,
          container('a', msg(8, msg(1, text(1, 'cpu'), msg(2, text(1, '500m'))))),
          container('b', msg(8), msg(11, msg(1, msg(2, text(1, '/healthz'), msg(2, num(1, 1), num(2, 0), text(3, 'http')))))),
          msg(1, text(1, 'cfg'), msg(2, msg(19, msg(1, text(1, 'settings'))))), // volumeSource and the config map's reference are both inlined
          text(3, 'Never'),
          num(11, 0), // hostNetwork: a plain bool's false is left out
        ),
      ),
    )
    const metadata = msg(1, text(1, 'j'), text(2, ''), msg(11, text(1, 'app'), text(2, 'web')), msg(11, text(1, 'tier'), text(2, '')))
    const status = msg(3, msg(2, num(1, 1767225600), num(2, 5)), num(4, 0))
    expect(decodeMessage(u8(metadata, spec, status), job)).toEqual({
      metadata: { name: 'j', labels: { app: 'web', tier: '' } },
      spec: {
        backoffLimit: 0,
        activeDeadlineSeconds: -1,
        template: {
          metadata: {},
          spec: {
            containers: [
              { name: 'a', image: 'busybox', resources: { limits: { cpu: '500m' } } },
              { name: 'b', image: 'busybox', resources: {}, readinessProbe: { httpGet: { path: '/healthz', port: 'http' } } },
            ],
            volumes: [{ name: 'cfg', configMap: { name: 'settings' } }],
            restartPolicy: 'Never',
          },
        },
      },
      status: { startTime: '2026-01-01T00:00:00Z' },
    })
  })

  it('reads an integer IntOrString and packed repeated numbers', () => {
    // The probe's handler is an embedded message (field 1) that JSON inlines.
    const probe = msg(11, msg(1, msg(3, msg(1, num(1, 0), num(2, 8080)))))
    const onExitCodes = msg(11, msg(1, text(1, 'FailJob'), msg(2, text(2, 'In'), bytes(3, [1, 42]))))
    const decoded = decodeMessage(u8(msg(2, onExitCodes, msg(6, msg(2, msg(2, text(1, 'c'), probe))))), job)
    expect(decoded).toEqual({
      spec: {
        podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [1, 42] } }] },
        template: { spec: { containers: [{ name: 'c', readinessProbe: { tcpSocket: { port: 8080 } } }] } },
      },
    })
  })

  it('skips unknown field numbers by wire type, dropping them', () => {
    const meta = msg(1, num(99, 7), text(1, 'foo'), msg(17, text(1, 'kubectl')), [0x95, 0x06, 1, 2, 3, 4], text(98, 'x'))
    expect(decodeMessage(u8(meta, msg(2, text(1, 'kubernetes'))), namespace)).toEqual({
      metadata: { name: 'foo' },
      spec: { finalizers: ['kubernetes'] },
    })
  })
})

describe('envelope', () => {
  const envelope = (apiVersion: string, kind: string, raw: Bytes): Uint8Array =>
    u8([0x6b, 0x38, 0x73, 0x00], msg(1, text(1, apiVersion), text(2, kind)), bytes(2, raw), text(3, ''), text(4, 'application/vnd.kubernetes.protobuf'))

  it('takes apiVersion and kind from the typeMeta', () => {
    expect(decodeKubernetesProtobuf(envelope('v1', 'Namespace', msg(1, text(1, 'foo'))))).toEqual({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'foo' } })
  })

  it('rejects a missing prefix, an unknown kind and broken raw bytes', () => {
    expect(() => decodeKubernetesProtobuf(Uint8Array.from([0x7b, 0x7d]))).toThrow(/prefix/)
    expect(() => decodeKubernetesProtobuf(envelope('v1', 'Pod', []))).toThrow(/no protobuf schema for kind "Pod"/)
    expect(() => decodeKubernetesProtobuf(envelope('v1', 'Namespace', [0x0a, 0x09]))).toThrow(ProtobufError)
  })
})
