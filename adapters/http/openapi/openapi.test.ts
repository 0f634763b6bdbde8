import * as path from 'node:path'
import { loadManifests } from '../../cli/loadManifests'
import { createSimulatedCluster } from '../../memory/simulatedCluster'
import type { ObjectBody } from '../../runtime/clusterApi'
import { servedResources } from '../discovery'
import { openApiV3 } from './document'
import { formatApplyPath, formatDecodePath } from './fieldPath'
import { kindSchemas, schemaOfKind } from './kindSchemas'
import { pruneUnknown, unknownFields } from './unknownFields'

const repo = path.resolve(__dirname, '..', '..', '..')
const daemonSet = schemaOfKind('apps', 'v1', 'DaemonSet')
if (daemonSet === undefined) throw new Error('no DaemonSet schema')

const ds = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'a', labels: { any: 'label' } },
  spec: {
    selector: { matchLabels: { app: 'a' } },
    templat: {},
    template: {
      metadata: { labels: { app: 'a' } },
      spec: { containers: [{ name: 'c', image: 'i', imagePolicy: 'Always', ports: [{ containerPort: 80, hostPot: 1 }] }], affinity: { anything: { goes: 1 } } },
    },
  },
}

describe('unknown fields', () => {
  it('lists undeclared fields depth first in document order, as strict decoding names them', () => {
    expect(unknownFields(ds, daemonSet).map(formatDecodePath)).toEqual([
      'spec.templat',
      'spec.template.spec.containers[0].imagePolicy',
      'spec.template.spec.containers[0].ports[0].hostPot',
    ])
  })

  it('names list items by key in apply errors', () => {
    expect(unknownFields(ds, daemonSet, 'apply').map(formatApplyPath)).toEqual([
      '.spec.templat',
      '.spec.template.spec.containers[name="c"].imagePolicy',
      '.spec.template.spec.containers[name="c"].ports[containerPort=80,protocol="TCP"].hostPot',
    ])
  })

  it('prunes them and leaves maps and opaque values alone', () => {
    const pruned = pruneUnknown(ds, daemonSet)
    expect(unknownFields(pruned, daemonSet)).toEqual([])
    expect(pruned).toMatchObject({ metadata: { labels: { any: 'label' } }, spec: { template: { spec: { affinity: { anything: { goes: 1 } } } } } })
  })

  it('finds none in anything the simulated cluster itself stores', async () => {
    const cluster = await createSimulatedCluster({ record: false })
    try {
      const loaded = loadManifests([path.join(repo, 'examples', 'seed')], () => '')
      if (!loaded.ok) throw new Error(loaded.errors.join('\n'))
      expect(cluster.apply(loaded.objects.map((o) => o.object as ObjectBody))).toEqual([])
      cluster.addNodes(2)
      await cluster.run({ for: 20 * 60 * 1000 })
      const objects = cluster.objects()
      expect(new Set(objects.map((o) => o.kind))).toEqual(new Set(['Namespace', 'Node', 'Pod', 'Event', 'DaemonSet', 'ControllerRevision', 'Job', 'CronJob']))
      const unknown = objects.flatMap((o) => {
        const schema = schemaOfKind(o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] ?? '' : '', o.apiVersion.split('/').pop() ?? '', o.kind)
        return schema === undefined ? [`${o.kind}: no schema`] : unknownFields(o, schema).map((p) => `${o.kind} ${o.metadata.name ?? ''}: ${formatDecodePath(p)}`)
      })
      expect(unknown).toEqual([])
    } finally {
      cluster.stop()
    }
  })
})

describe('OpenAPI v3 documents', () => {
  const docs = openApiV3(servedResources)
  type Doc = { paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }>; 'x-kubernetes-group-version-kind'?: unknown }>>; components: { schemas: Record<string, unknown> } }

  it('lists one document per group-version, addressed by a content hash', () => {
    const paths = docs.root['paths'] as Record<string, { serverRelativeURL: string }>
    expect(Object.keys(paths).sort()).toEqual(['api/v1', 'apis/apps/v1', 'apis/batch/v1'])
    expect(paths['apis/apps/v1']?.serverRelativeURL).toMatch(/^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]{128}$/)
    expect(docs.document('apis/nosuch/v1')).toBeUndefined()
  })

  it('declares fieldValidation on a PATCH tagged with each kind, which is what kubectl checks', () => {
    for (const s of kindSchemas) {
      const { group, version, kind } = s.gvk ?? { group: '', version: '', kind: '' }
      const doc = docs.document(group === '' ? `api/${version}` : `apis/${group}/${version}`) as unknown as Doc
      const patches = Object.values(doc.paths).flatMap((p) => (p['patch'] !== undefined ? [p['patch']] : []))
      const mine = patches.find((p) => JSON.stringify(p['x-kubernetes-group-version-kind']) === JSON.stringify({ group, version, kind }))
      expect(mine?.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'fieldValidation', in: 'query' })]))
    }
  })

  it('carries every referenced component and tags kinds with their GVK', () => {
    for (const p of ['api/v1', 'apis/apps/v1', 'apis/batch/v1']) {
      const doc = docs.document(p) as unknown as Doc
      const text = JSON.stringify(doc)
      const refs = [...text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1] ?? '')
      expect(refs.filter((r) => !(r in doc.components.schemas))).toEqual([])
    }
    const apps = docs.document('apis/apps/v1') as unknown as Doc
    expect(apps.components.schemas['io.k8s.api.apps.v1.DaemonSet']).toMatchObject({ 'x-kubernetes-group-version-kind': [{ group: 'apps', version: 'v1', kind: 'DaemonSet' }] })
    expect(apps.components.schemas['io.k8s.api.core.v1.PodSpec']).toMatchObject({ properties: { containers: { 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'] } } })
  })
})
