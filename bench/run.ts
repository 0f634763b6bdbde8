import { benchCluster } from './cluster.bench'
import { benchCron } from './cron.bench'
import { benchDaemonSet } from './daemonset.bench'
import { benchJob } from './job.bench'
import { benchPodMachine } from './podMachine.bench'

/** `npm run bench`: every benchmark, figures on standard output. */
const main = (): void => {
  for (const line of benchDaemonSet()) process.stdout.write(`${line}\n`)
  for (const line of benchJob()) process.stdout.write(`${line}\n`)
  for (const line of benchCron()) process.stdout.write(`${line}\n`)
  for (const line of benchPodMachine()) process.stdout.write(`${line}\n`)
  for (const line of benchCluster()) process.stdout.write(`${line}\n`)
}

main()
