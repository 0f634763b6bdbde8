import * as kuberules from '.'

describe('the library entry point (contracts §6)', () => {
  it('exports the three reducers and the areas as namespaces', () => {
    expect(typeof kuberules.reconcileDaemonSet).toBe('function')
    expect(typeof kuberules.reconcileJob).toBe('function')
    expect(typeof kuberules.reconcileCronJob).toBe('function')
    expect(typeof kuberules.properties.arbDaemonSetSnapshot).toBe('function')
    expect(typeof kuberules.machines.podMachine).toBe('object')
    expect(typeof kuberules.memory.createMemoryStore).toBe('function')
  })

  it('exports the embedding pieces: the controller loop, the HTTP API and the real-cluster adapter', () => {
    expect(typeof kuberules.runtime.startControllerManager).toBe('function')
    expect(typeof kuberules.http.startApiServer).toBe('function')
    expect(typeof kuberules.kubernetes.kubernetesClusterApi).toBe('function')
    expect(typeof kuberules.kubernetes.startClusterControllers).toBe('function')
  })

  it('plans a DaemonSet through the entry point', () => {
    const { aDaemonSet, aNode } = kuberules.properties
    const plan = kuberules.reconcileDaemonSet({
      daemonSet: aDaemonSet('agent'),
      nodes: [aNode('n1'), aNode('n2')],
      pods: [],
      revisions: [],
      now: kuberules.api.makeInstant(0),
    })
    expect(plan.actions.filter((a) => a.type === 'CreatePod')).toHaveLength(2)
  })
})
