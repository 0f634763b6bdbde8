import * as path from 'node:path'
import type { Kubectl } from './kubectlRunner'
import { kubectlSession, type KubectlSession } from './testCluster'

/** The seed's DaemonSet session with the real kubectl: set image --record, rollout status, history, undo. */
const repo = path.resolve(__dirname, '..', '..')
const fluentd = path.join(repo, 'examples', 'seed', 'fluentd-daemonset.yaml')

let session: KubectlSession
let kubectl: Kubectl

beforeAll(async () => {
  // Fast enough that a three-node rolling update finishes in about a second of real time.
  session = await kubectlSession({ nodes: 3, speed: 20 }, repo)
  kubectl = session.kubectl
})
afterAll(() => session.stop())

it('set image --record, rollout status, history and undo to revision 1', async () => {
  expect((await kubectl(['create', '-f', fluentd])).stdout).toBe('daemonset.apps/fluentd-elasticsearch created\n')
  const set = await kubectl(['set', 'image', 'ds/fluentd-elasticsearch', 'fluentd-elasticsearch=k8s.gcr.io/fluentd-elasticsearch:v2.2.0', '--record', '-n=kube-system'])
  expect(set.stdout).toBe('daemonset.apps/fluentd-elasticsearch image updated\n')

  const status = await kubectl(['rollout', 'status', 'ds/fluentd-elasticsearch', '-n', 'kube-system'], 20000)
  expect(status.code).toBe(0)
  expect(status.stdout).toMatch(/daemon set "fluentd-elasticsearch" successfully rolled out\n$/)

  const history = await kubectl(['rollout', 'history', 'daemonset', 'fluentd-elasticsearch', '-n', 'kube-system'])
  expect(history.stdout).toMatch(/^1\s+<none>$/m)
  expect(history.stdout).toMatch(/^2\s+kubectl set image ds\/fluentd-elasticsearch fluentd-elasticsearch=k8s.gcr.io\/fluentd-elasticsearch:v2.2.0 .*--record=true --namespace=kube-system$/m)

  const undo = await kubectl(['rollout', 'undo', 'daemonset', 'fluentd-elasticsearch', '--to-revision=1', '-n', 'kube-system'])
  expect(undo.stdout).toBe('daemonset.apps/fluentd-elasticsearch rolled back\n')
  // As a person would: wait until the controller has observed the rollback before reading history.
  expect((await kubectl(['rollout', 'status', 'ds/fluentd-elasticsearch', '-n', 'kube-system'], 20000)).code).toBe(0)
  const after = await kubectl(['rollout', 'history', 'daemonset', 'fluentd-elasticsearch', '-n', 'kube-system'])
  const revisions = after.stdout
    .split('\n')
    .map((l) => /^(\d+)\s/.exec(l)?.[1])
    .filter((r): r is string => r !== undefined)
  expect(revisions).toEqual(['2', '3'])

  const revs = await kubectl(['get', 'controllerrevision', '-n', 'kube-system', '-l', 'name=fluentd-elasticsearch'])
  expect(revs.stdout.split('\n')[0]?.trim().split(/\s{2,}/)).toEqual(['NAME', 'CONTROLLER', 'REVISION', 'AGE'])
  expect(revs.stdout).toContain('daemonset.apps/fluentd-elasticsearch')
}, 60000)
