import { Resources } from '../../adapters/runtime/clusterApi'
import { settledGoals } from './goals'
import { at, expectOk, failOn, runChecked } from './step'
import { viewOf } from './view'
import type { Real } from './world'

/** How long the final settling may take: Jobs' pods run at most 90 s each, a few at a time. */
const settleLimitMs = 2 * 60 * 60 * 1000

/**
 * Once commands stop: suspend the CronJobs (an every-minute schedule never settles, and a
 * suspended CronJob's goal is to start nothing), let their current runs finish, run until a
 * resync round writes nothing, check every controller's goal, and then run one more settling
 * round, which must find nothing to do and write nothing.
 */
export const settleAndCheckGoals = async (real: Real): Promise<void> => {
  const { cluster } = real
  for (const cj of viewOf(cluster).cronJobs) {
    const { namespace = '', name = '' } = cj.metadata
    await expectOk(`suspend CronJob ${name}`, cluster.api.patch({ resource: Resources.cronJobs, namespace, name, patchType: 'application/merge-patch+json', patch: { spec: { suspend: true } } }))
  }
  await runChecked(real, 0)
  const report = await cluster.run({ untilSettled: true, limitMs: settleLimitMs })
  failOn(`not settled within ${settleLimitMs / 60_000} virtual minutes (stopped at ${at(report.to)})`, report.settled ? [] : ['still changing'])
  failOn(`goal not met once settled at ${at(report.to)}`, settledGoals(viewOf(cluster)))
  const version = cluster.store.resourceVersion()
  const again = await cluster.run({ untilSettled: true, limitMs: settleLimitMs })
  const wrote = cluster.store.resourceVersion() !== version
  failOn(`a further resync round after settling at ${at(report.to)}`, [
    ...(again.settled ? [] : ['did not settle']),
    ...(wrote ? [`wrote: resourceVersion ${version} → ${cluster.store.resourceVersion()}`] : []),
  ])
}
