type Json = Readonly<Record<string, unknown>>

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

// Assigning a `__proto__` key would change the prototype instead of adding a member.
const put = (target: Record<string, unknown>, key: string, value: unknown): void => {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

/**
 * Merge keys of the lists kubectl patches (the `patchMergeKey` tags of k8s.io/api). Lists not
 * named here are replaced whole, as for lists without a patch strategy.
 */
const mergeKeys: Readonly<Record<string, string>> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  imagePullSecrets: 'name',
  resourceClaims: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  ports: 'containerPort',
  hostAliases: 'ip',
  ownerReferences: 'uid',
  conditions: 'type',
}

/** Lists of scalars with `patchStrategy: merge`: the patch's items are added to the stored ones. */
const primitiveMergeLists: ReadonlySet<string> = new Set(['finalizers'])

const directive = (value: unknown): unknown => (isRecord(value) ? value['$patch'] : undefined)

/** Drops the `$…` directives of a patch fragment that is being inserted as it is. */
const stripDirectives = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.filter((v) => directive(v) === undefined || directive(v) === 'merge').map(stripDirectives)
  if (!isRecord(value)) return value
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value)) if (!key.startsWith('$')) put(out, key, stripDirectives(v))
  return out
}

const mergeKeyedList = (key: string, original: ReadonlyArray<unknown>, patch: ReadonlyArray<unknown>): ReadonlyArray<unknown> => {
  if (patch.some((item) => directive(item) === 'replace')) {
    return patch.filter((item) => directive(item) !== 'replace').map(stripDirectives)
  }
  const out: unknown[] = [...original]
  const indexOf = (value: unknown): number => out.findIndex((item) => isRecord(item) && item[key] === value)
  for (const item of patch) {
    const at = isRecord(item) && key in item ? indexOf(item[key]) : -1
    if (directive(item) === 'delete') {
      if (at >= 0) out.splice(at, 1)
    } else if (at >= 0) {
      out[at] = strategicMergePatch(out[at], item)
    } else out.push(stripDirectives(item))
  }
  return out
}

const mergeList = (field: string, original: unknown, patch: ReadonlyArray<unknown>): ReadonlyArray<unknown> => {
  const stored = Array.isArray(original) ? (original as ReadonlyArray<unknown>) : []
  const key = mergeKeys[field]
  if (key !== undefined) return mergeKeyedList(key, stored, patch)
  if (primitiveMergeLists.has(field)) return [...stored, ...patch.filter((item) => !stored.includes(item))]
  return patch.map(stripDirectives)
}

/**
 * The strategic merge patch subset kubectl sends (`set image`, `rollout undo`, client-side
 * `apply`): maps merge recursively and `null` deletes a key; lists of containers, env, volumes,
 * ports … merge by their merge key and `{"$patch": "delete"}` items remove an entry; a
 * `"$patch": "replace"` map (or list item) replaces instead of merging and `"$patch": "delete"`
 * removes the map; `$deleteFromPrimitiveList/<list>` removes scalars and `$retainKeys` drops
 * unlisted keys. `$setElementOrder` is ignored (merged entries keep the stored order, new ones go last).
 * Returns undefined when the patch deletes the whole value.
 */
export const strategicMergePatch = (original: unknown, patch: unknown): unknown => {
  if (!isRecord(patch)) return patch
  if (patch['$patch'] === 'delete') return undefined
  if (patch['$patch'] === 'replace') return stripDirectives(patch)
  const out: Record<string, unknown> = {}
  if (isRecord(original)) for (const [key, value] of Object.entries(original)) put(out, key, value)
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length)
      const stored = out[field]
      if (Array.isArray(stored) && Array.isArray(value)) put(out, field, stored.filter((item) => !value.includes(item)))
    } else if (key.startsWith('$')) {
      continue
    } else if (value === null) {
      delete out[key]
    } else if (Array.isArray(value)) {
      put(out, key, mergeList(key, out[key], value))
    } else if (isRecord(value)) {
      const merged = strategicMergePatch(Object.prototype.hasOwnProperty.call(out, key) ? out[key] : undefined, value)
      if (merged === undefined) delete out[key]
      else put(out, key, merged)
    } else put(out, key, value)
  }
  const retain = patch['$retainKeys']
  if (Array.isArray(retain)) for (const key of Object.keys(out)) if (!retain.includes(key)) delete out[key]
  return out
}
