import { Resources } from '../runtime/clusterApi'
import { restPath } from './restPaths'

describe('restPath', () => {
  it.each([
    [restPath({ resource: Resources.pods }), '/api/v1/pods'],
    [restPath({ resource: Resources.pods, namespace: 'kube-system' }), '/api/v1/namespaces/kube-system/pods'],
    [restPath({ resource: Resources.pods }, 'p'), '/api/v1/namespaces/default/pods/p'],
    [restPath({ resource: Resources.nodes, namespace: 'ignored' }, 'n1'), '/api/v1/nodes/n1'],
    [restPath({ resource: Resources.daemonSets, namespace: 'ns' }, 'ds', 'status'), '/apis/apps/v1/namespaces/ns/daemonsets/ds/status'],
    [restPath({ resource: Resources.jobs, namespace: 'a b' }, 'x/y'), '/apis/batch/v1/namespaces/a%20b/jobs/x%2Fy'],
  ])('%s', (actual, expected) => {
    expect(actual).toBe(expected)
  })
})
