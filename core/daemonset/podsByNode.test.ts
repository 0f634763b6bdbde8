import { nameOf, type Pod } from '../api'
import { aDaemonPod } from '../../properties/builders'
import { sortPods } from './podOrder'
import { podsByNode } from './podsByNode'
import { at, newDaemonSet, withCreationTimestamp } from './testing/fixtures'

/**
 * TestGetTargetNodeName (util/daemonset_util_test.go) as seen by the grouping: pods whose target
 * node cannot be read are skipped. Plus the `podByCreationTimestampAndPhase` order.
 */

const bare = (name: string, spec: Partial<Pod['spec']>): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: { containers: [{ name: 'c' }], ...spec },
})
const pinned = (values: string[]) => ({
  nodeAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values }] }],
    },
  },
})

describe('TestGetTargetNodeName (via podsByNode)', () => {
  it('spec.nodeName, else the metadata.name In term; a multi-valued term or no affinity is skipped', () => {
    const pods = [
      bare('pod1', { nodeName: 'node-1' }),
      bare('pod2', { affinity: pinned(['node-1']) }),
      bare('pod3', { affinity: pinned(['node-1', 'node-2']) }),
      bare('pod4', {}),
    ]
    const groups = podsByNode(pods, false)
    expect([...groups.keys()]).toEqual(['node-1'])
    expect(groups.get('node-1')?.map(nameOf)).toEqual(['pod1', 'pod2'])
  })
})

describe('podByCreationTimestampAndPhase', () => {
  const ds = newDaemonSet('foo')
  it('bound pods first, then older first, then by name; the phase is not consulted', () => {
    const pods = [
      withCreationTimestamp(aDaemonPod(ds, { name: 'unbound-old', node: 'n', bound: false }), at(1)),
      withCreationTimestamp(aDaemonPod(ds, { name: 'b-new', node: 'n' }), at(20)),
      withCreationTimestamp(aDaemonPod(ds, { name: 'z-old', node: 'n', phase: 'Pending' }), at(10)),
      withCreationTimestamp(aDaemonPod(ds, { name: 'a-old', node: 'n', phase: 'Failed' }), at(10)),
    ]
    expect(sortPods(pods).map(nameOf)).toEqual(['a-old', 'z-old', 'b-new', 'unbound-old'])
  })
})
