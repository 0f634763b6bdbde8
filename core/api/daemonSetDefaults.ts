import type { DaemonSet, DaemonSetUpdateStrategy } from './daemonSet'
import { syntheticUid } from './jobDefaults'
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
  metadata: {
    ...ds.metadata,
    namespace: ds.metadata.namespace ?? 'default',
    // A manifest without a uid (not yet stored) gets a deterministic one, so plans repeat and pods can name their owner.
    uid: ds.metadata.uid ?? syntheticUid(ds.metadata.namespace ?? 'default', ds.metadata.name ?? ds.metadata.generateName ?? ''),
  },
  spec: {
    ...ds.spec,
    template: defaultPodTemplate(ds.spec.template),
    updateStrategy: defaultStrategy(ds.spec.updateStrategy),
    revisionHistoryLimit: ds.spec.revisionHistoryLimit ?? 10,
  },
})
