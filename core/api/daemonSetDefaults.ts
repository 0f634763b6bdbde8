import type { DaemonSet, DaemonSetUpdateStrategy } from './daemonSet'
import { withIdentity } from './identity'
import { defaultPodTemplate } from './podDefaults'

const defaultStrategy = (s: DaemonSetUpdateStrategy | undefined): DaemonSetUpdateStrategy => {
  const type = s?.type === undefined || s.type === '' ? 'RollingUpdate' : s.type
  if (type !== 'RollingUpdate') return { ...s, type }
  const ru = s?.rollingUpdate ?? {}
  return { ...s, type, rollingUpdate: { ...ru, maxUnavailable: ru.maxUnavailable ?? 1, maxSurge: ru.maxSurge ?? 0 } }
}

/**
 * apps/v1 `SetDefaults_DaemonSet` plus the pod-template defaults. The selector is not defaulted
 * from the template labels in apps/v1, so a missing selector stays missing (and fails validation).
 * A missing uid is derived from namespace and name, as for Jobs.
 */
export const defaultDaemonSet = (ds: DaemonSet): DaemonSet => ({
  ...ds,
  apiVersion: ds.apiVersion ?? 'apps/v1',
  kind: ds.kind ?? 'DaemonSet',
  metadata: withIdentity(ds.metadata),
  spec: {
    ...ds.spec,
    template: defaultPodTemplate(ds.spec.template),
    updateStrategy: defaultStrategy(ds.spec.updateStrategy),
    revisionHistoryLimit: ds.spec.revisionHistoryLimit ?? 10,
  },
})
