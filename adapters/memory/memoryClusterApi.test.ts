import * as E from 'fp-ts/Either'
import { firstValueFrom, take, toArray } from 'rxjs'
import { Resources } from '../runtime/clusterApi'
import { memoryClusterApi } from './memoryClusterApi'
import { daemonSet, newWorld } from './testing/fixtures'

describe('memoryClusterApi', () => {
  it('answers with classified errors and streams watches', async () => {
    const { store } = newWorld()
    const api = memoryClusterApi(store)
    const events = firstValueFrom(api.watch({ resource: Resources.daemonSets, namespace: 'default' }).pipe(take(2), toArray()))
    const created = await api.create({ resource: Resources.daemonSets, namespace: 'default', body: daemonSet('fluentd') })
    expect(E.isRight(created)).toBe(true)
    const again = await api.create({ resource: Resources.daemonSets, namespace: 'default', body: daemonSet('fluentd') })
    expect(E.isLeft(again) && again.left).toMatchObject({ _tag: 'Conflict', status: { reason: 'AlreadyExists' } })
    const gone = await api.delete({ resource: Resources.daemonSets, namespace: 'default', name: 'fluentd' })
    expect(E.isRight(gone) && gone.right._tag).toBe('Removed')
    const missing = await api.get({ resource: Resources.daemonSets, namespace: 'default', name: 'fluentd' })
    expect(E.isLeft(missing) && missing.left._tag).toBe('NotFound')
    expect((await events).map((e) => e.type)).toEqual(['ADDED', 'DELETED'])
  })
})
