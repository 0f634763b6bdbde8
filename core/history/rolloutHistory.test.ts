import * as E from 'fp-ts/Either'
import type { ControllerRevision, DaemonSet } from '../api'
import { daemonSetHistory, rolloutHistory, rolloutHistoryRevision } from './rolloutHistory'
import { snapshotRevision } from './snapshot'
import { tabwrite } from './tabwriter'

const ds = (image = 'nginx'): DaemonSet => ({
  metadata: { name: 'moons', namespace: 'default', uid: '1993', labels: { foo: 'bar' } },
  spec: {
    selector: { matchLabels: { foo: 'bar' } },
    template: { metadata: { labels: { foo: 'bar' } }, spec: { containers: [{ name: 'test', image }] } },
  },
})

const rev = (n: number, cause?: string, image = `nginx:${n}`): ControllerRevision => {
  const source = ds(image)
  const annotated = cause ? { ...source, metadata: { ...source.metadata, annotations: { 'kubernetes.io/change-cause': cause } } } : source
  return snapshotRevision(annotated, n, `h${n}`)
}

describe('tabwrite (Go text/tabwriter, padding 2)', () => {
  it.each([
    ['REVISION\tCHANGE-CAUSE\n1\t<none>\n', 'REVISION  CHANGE-CAUSE\n1         <none>\n'],
    ['a\tb\nlonger\tc\n', 'a       b\nlonger  c\n'],
    ['a\tb\nplain line\nlong cell\tc\n', 'a  b\nplain line\nlong cell  c\n'],
    ['x\ty\tz\nxx\t\tzz\n', 'x   y  z\nxx     zz\n'],
    ['né\t1\nab\t2\n', 'né  1\nab  2\n'],
  ])('%j', (input, expected) => {
    expect(tabwrite(input)).toBe(expected)
  })
})

describe('rolloutHistory (kubectl rollout history daemonset/<name>)', () => {
  it('prints the table of the kubectl docs, trailing space and blank line included', () => {
    expect(rolloutHistory('moons', [rev(1), rev(2)])).toBe('daemonset.apps/moons \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n')
  })

  it('prints that there is no history', () => {
    expect(rolloutHistory('moons', [])).toBe('daemonset.apps/moons \nNo rollout history found.\n')
  })

  it('sorts ascending, shows change-causes, and lets the last of a duplicate number win', () => {
    const out = rolloutHistory('moons', [rev(10, 'kubectl set image ds/moons test=nginx:2 --record=true'), rev(3), rev(2, 'first'), rev(2, 'second')])
    expect(out).toBe(
      'daemonset.apps/moons \nREVISION  CHANGE-CAUSE\n2         second\n3         <none>\n10        kubectl set image ds/moons test=nginx:2 --record=true\n\n',
    )
  })

  it('widens the column for long revision numbers', () => {
    expect(rolloutHistory('m', [rev(1234567890)])).toBe('daemonset.apps/m \nREVISION    CHANGE-CAUSE\n1234567890  <none>\n\n')
  })
})

describe('daemonSetHistory (selector and controller filter)', () => {
  it('keeps only selected revisions controlled by this uid in its namespace', () => {
    const mine = rev(1)
    const otherOwner = { ...rev(2), metadata: { ...rev(2).metadata, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'x', uid: 'other', controller: true }] } }
    const unselected = { ...rev(3), metadata: { ...rev(3).metadata, labels: { foo: 'baz' } } }
    const elsewhere = { ...rev(4), metadata: { ...rev(4).metadata, namespace: 'kube-system' } }
    const orphan = { ...rev(5), metadata: { ...rev(5).metadata, ownerReferences: [] } }
    expect(daemonSetHistory(ds(), [mine, otherOwner, unselected, elsewhere, orphan])).toEqual([mine])
  })
})

describe('rolloutHistoryRevision (--revision=N)', () => {
  it.each<[string, ControllerRevision[], number, E.Either<string, unknown>]>([
    ['negative', [rev(1)], -1, E.left('revision must be a positive integer: -1')],
    ['unknown', [rev(1)], 7, E.left('unable to find the specified revision')],
    ['no history at all', [], 7, E.right({ _tag: 'NoHistory', stdout: 'daemonset.apps/moons with revision #7\nNo rollout history found.\n' })],
  ])('%s', (_name, revisions, n, expected) => {
    expect(rolloutHistoryRevision(ds(), revisions, n)).toEqual(expected)
  })

  it('gives the revision template to describe', () => {
    const view = rolloutHistoryRevision(ds('nginx:9'), [rev(1), rev(2)], 1)
    expect(view).toEqual(
      E.right({
        _tag: 'Template',
        header: 'daemonset.apps/moons with revision #1',
        template: { metadata: { labels: { foo: 'bar' }, creationTimestamp: null }, spec: { containers: [{ name: 'test', image: 'nginx:1' }] } },
      }),
    )
  })
})
