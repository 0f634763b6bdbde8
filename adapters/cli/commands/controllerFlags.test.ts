import * as E from 'fp-ts/Either'
import { selectControllers } from './controllerFlags'

const names = (flag: string | boolean | undefined): string =>
  E.fold(
    (e: string) => e,
    (cs: ReadonlyArray<{ readonly name: string }>) => cs.map((c) => c.name).join(' '),
  )(selectControllers(flag))

describe('selectControllers (--controllers, kube-controller-manager semantics)', () => {
  it.each([
    [undefined, 'daemonset-controller job-controller cronjob-controller'],
    ['*', 'daemonset-controller job-controller cronjob-controller'],
    ['*,-job', 'daemonset-controller cronjob-controller'],
    ['daemonset', 'daemonset-controller'],
    ['cronjob-controller,daemonset', 'daemonset-controller cronjob-controller'],
    ['-daemonset', ''],
    [false, ''],
    ['*,replicaset', 'error: --controllers: unknown controller "replicaset" (known: cronjob, daemonset, job)'],
  ])('%s → %s', (flag, expected) => {
    expect(names(flag)).toBe(expected)
  })
})
