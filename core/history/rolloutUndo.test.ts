import * as E from 'fp-ts/Either'
import type { ControllerRevision, DaemonSet } from '../api'
import { rolloutUndo, type UndoResult } from './rolloutUndo'
import { snapshotRevision } from './snapshot'

const ds = (image: string, annotations?: Record<string, string>): DaemonSet => ({
  metadata: { name: 'moons', namespace: 'default', uid: '1993', ...(annotations ? { annotations } : {}) },
  spec: {
    selector: { matchLabels: { foo: 'bar' } },
    template: { metadata: { labels: { foo: 'bar' } }, spec: { containers: [{ name: 'test', image }] } },
  },
})

const rev = (n: number): ControllerRevision => snapshotRevision(ds(`nginx:${n}`), n, `h${n}`)
const outcome = (r: E.Either<string, UndoResult>): string =>
  E.isLeft(r) ? `error: ${r.left}` : r.right._tag === 'Patch' ? `patch #${r.right.revision.revision}: ${r.right.message}` : r.right.message

describe('rolloutUndo (DaemonSetRollbacker.Rollback)', () => {
  it.each<[string, DaemonSet, ControllerRevision[], number | undefined, string]>([
    ['negative revision', ds('nginx:2'), [rev(1), rev(2)], -1, 'error: unable to find specified revision -1 in history'],
    ['previous with a single revision', ds('nginx:1'), [rev(1)], undefined, 'error: no last revision to roll back to'],
    ['previous with no history', ds('nginx:1'), [], 0, 'error: no last revision to roll back to'],
    ['previous = second-highest number', ds('nginx:3'), [rev(3), rev(1), rev(2)], 0, 'patch #2: daemonset.apps/moons rolled back'],
    ['explicit revision', ds('nginx:3'), [rev(1), rev(2), rev(3)], 1, 'patch #1: daemonset.apps/moons rolled back'],
    ['unknown revision', ds('nginx:2'), [rev(1), rev(2)], 5, 'error: unable to find specified revision 5 in history'],
    ['revision outside the DaemonSet history', ds('nginx:2'), [{ ...rev(1), metadata: { ...rev(1).metadata, ownerReferences: [] } }, rev(2)], 1, 'error: unable to find specified revision 1 in history'],
    ['already at that template', ds('nginx:2'), [rev(1), rev(2)], 2, 'daemonset.apps/moons skipped rollback (current template already matches revision 2)'],
    ['previous already current prints the requested 0', ds('nginx:1'), [rev(1), rev(2)], 0, 'daemonset.apps/moons skipped rollback (current template already matches revision 0)'],
  ])('%s', (_name, daemonSet, revisions, to, expected) => {
    expect(outcome(rolloutUndo(daemonSet, revisions, to))).toBe(expected)
  })

  it('sends the stored data as the patch', () => {
    const result = rolloutUndo(ds('nginx:2'), [rev(1), rev(2)])
    expect(E.isRight(result) && result.right._tag === 'Patch' && result.right.patch).toEqual(rev(1).data)
    expect(E.isRight(result) && result.right._tag === 'Patch' && result.right.warnings).toEqual([])
  })

  it("warns when the DaemonSet was managed with 'kubectl apply'", () => {
    const applied = ds('nginx:2', { 'kubectl.kubernetes.io/last-applied-configuration': '{}' })
    const result = rolloutUndo(applied, [rev(1), rev(2)])
    expect(E.isRight(result) && result.right._tag === 'Patch' && result.right.warnings).toEqual([
      "Warning: resource daemonsets/moons was previously managed with 'kubectl apply'. Rolling back will not update the kubectl.kubernetes.io/last-applied-configuration annotation, which may cause unexpected behavior on future 'kubectl apply' operations. Consider using 'kubectl apply' with your previous configuration file instead.",
    ])
  })
})
