import { benchDaemonSet } from './daemonset.bench'

/** `npm run bench`: every benchmark, figures on standard output. */
const main = (): void => {
  for (const line of benchDaemonSet()) process.stdout.write(`${line}\n`)
}

main()
