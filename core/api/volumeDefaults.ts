import { defaultFieldRef, orDefault, withEach, withObject, type Json } from './containerDefaults'

/** 0644, the default file mode of secret, configMap, downwardAPI and projected volumes. */
const defaultMode = 420

/** A mode is a Go pointer: only an absent one is defaulted (0 is a mode someone chose). */
const withMode = (source: Json): Json => (source['defaultMode'] === undefined ? { ...source, defaultMode } : source)

const withItemFieldRefs = (source: Json): Json => withEach(source, 'items', defaultFieldRef)

const projection = (p: Json): Json => {
  const token = withObject(p, 'serviceAccountToken', (t) => (t['expirationSeconds'] === undefined ? { ...t, expirationSeconds: 3600 } : t))
  return withObject(token, 'downwardAPI', withItemFieldRefs)
}

/** The defaults of each volume source that has some (`SetDefaults_*VolumeSource` and `+default` markers). */
const sourceDefaults: Readonly<Record<string, (source: Json) => Json>> = {
  secret: withMode,
  configMap: withMode,
  downwardAPI: (s) => withItemFieldRefs(withMode(s)),
  projected: (s) => withEach(withMode(s), 'sources', projection),
  // HostPathVolumeSource.type is a pointer defaulted to HostPathUnset, which is "".
  hostPath: (s) => (s['type'] === undefined ? { ...s, type: '' } : s),
  ephemeral: (s) => withObject(s, 'volumeClaimTemplate', (t) => withObject(t, 'spec', (spec) => orDefault(spec, { volumeMode: 'Filesystem' }))),
  iscsi: (s) => orDefault(s, { iscsiInterface: 'default' }),
  rbd: (s) => orDefault(s, { pool: 'rbd', user: 'admin', keyring: '/etc/ceph/keyring' }),
  scaleIO: (s) => orDefault(s, { storageMode: 'ThinProvisioned', fsType: 'xfs' }),
  azureDisk: (s) => ({ cachingMode: 'ReadWrite', kind: 'Shared', fsType: 'ext4', readOnly: false, ...s }),
}

/**
 * `SetDefaults_Volume`: a volume that names no source is an `emptyDir`; then the source's own
 * defaults. Keys other than `name` are taken as sources (unknown ones pass through untouched).
 */
export const defaultVolume = (volume: Json): Json => {
  const sources = Object.keys(volume).filter((k) => k !== 'name' && volume[k] != null)
  if (sources.length === 0) return { ...volume, emptyDir: {} }
  return sources.reduce((v, key) => {
    const defaults = sourceDefaults[key]
    return defaults === undefined ? v : withObject(v, key, defaults)
  }, volume)
}
