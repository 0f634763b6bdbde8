import * as E from 'fp-ts/Either'
import { Resources } from '../runtime/clusterApi'
import { readBinding } from './podBinding'
import { createPod, left, newWorld, right } from './testing/fixtures'

const binding = (name: string, target: Readonly<Record<string, unknown>>, annotations?: Readonly<Record<string, string>>): unknown => ({
  apiVersion: 'v1',
  kind: 'Binding',
  metadata: { name, ...(annotations !== undefined ? { annotations } : {}) },
  target,
})

describe('store.bind (the pods/binding subresource)', () => {
  it('puts the pod on the node, merges annotations and sets PodScheduled, without touching the rest', () => {
    const { store, clock } = newWorld()
    const created = createPod(store, 'web')
    clock.advanceBy(2000)
    const bound = right(store.bind({ namespace: 'default', name: 'web', nodeName: 'node-1', annotations: { 'example.com/by': 'test' } }))
    expect(bound['spec']).toEqual({ ...(created['spec'] as object), nodeName: 'node-1' })
    expect(bound.metadata.annotations).toEqual({ 'example.com/by': 'test' })
    expect((bound['status'] as { conditions: unknown }).conditions).toEqual([
      { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:02Z' },
    ])
    expect(Number(bound.metadata.resourceVersion)).toBeGreaterThan(Number(created.metadata.resourceVersion))
    expect(right(store.get({ resource: Resources.pods, namespace: 'default', name: 'web' }))).toBe(bound)
  })

  it('answers 409 on pods/binding for a pod already on a node or being deleted, and 404 for no pod', () => {
    const { store } = newWorld()
    createPod(store, 'placed', { nodeName: 'node-2' })
    expect(left(store.bind({ namespace: 'default', name: 'placed', nodeName: 'node-1' }))).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message: 'Operation cannot be fulfilled on pods/binding "placed": pod placed is already assigned to node "node-2"',
    })
    const held = createPod(store, 'held')
    right(store.patch({ resource: Resources.pods, namespace: 'default', name: 'held', patchType: 'application/merge-patch+json', patch: { metadata: { finalizers: ['example.com/hold'] } } }))
    right(store.delete({ resource: Resources.pods, namespace: 'default', name: 'held' }))
    expect(left(store.bind({ namespace: 'default', name: 'held', nodeName: 'node-1' })).message).toBe(
      'Operation cannot be fulfilled on pods/binding "held": pod held is being deleted, cannot be assigned to a host',
    )
    expect(held.metadata.name).toBe('held')
    expect(left(store.bind({ namespace: 'default', name: 'nosuch', nodeName: 'node-1' }))).toMatchObject({ code: 404, message: 'pods "nosuch" not found' })
  })

  it('changes nothing on a dry run', () => {
    const { store } = newWorld()
    const created = createPod(store, 'web')
    const dry = right(store.bind({ namespace: 'default', name: 'web', nodeName: 'node-1', dryRun: true }))
    expect((dry['spec'] as { nodeName?: string }).nodeName).toBe('node-1')
    expect(right(store.get({ resource: Resources.pods, namespace: 'default', name: 'web' }))).toBe(created)
  })
})

describe('readBinding', () => {
  it('reads the target node and annotations', () => {
    expect(readBinding('ns', 'web', binding('web', { kind: 'Node', name: 'node-1' }, { a: 'b' }))).toEqual(
      E.right({ namespace: 'ns', name: 'web', nodeName: 'node-1', annotations: { a: 'b' } }),
    )
    expect(readBinding('ns', 'web', binding('web', { name: 'node-1' }))).toEqual(E.right({ namespace: 'ns', name: 'web', nodeName: 'node-1' }))
  })

  it('refuses a name other than the URL’s with 400, and answers validation errors as the apiserver’s 500 Unknown', () => {
    expect(readBinding('ns', 'web', binding('other', { name: 'node-1' }))).toEqual(
      E.left(expect.objectContaining({ code: 400, message: 'name in URL does not match name in Binding object' })),
    )
    expect(readBinding('ns', 'web', binding('web', {}))).toEqual(E.left(expect.objectContaining({ code: 500, reason: 'Unknown', message: 'target.name: Required value' })))
    expect(readBinding('ns', 'web', binding('web', { kind: 'Pod' }))).toEqual(
      E.left(
        expect.objectContaining({
          code: 500,
          message: '[target.kind: Unsupported value: "Pod": supported values: "Node", "<empty>", target.name: Required value]',
        }),
      ),
    )
  })
})
