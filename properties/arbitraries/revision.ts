import * as fc from 'fast-check'
import { DaemonSetKeys, nameOf, type ControllerRevision, type DaemonSet } from '../../core/api'
import { hashRevision, snapshotRevision } from '../../core/history'
import { images } from './vocabulary'

/** The DaemonSet with another image in its first container: a template change, as `kubectl set image` makes. */
export const withTemplateImage = (ds: DaemonSet, image: string): DaemonSet => {
  const [first, ...rest] = ds.spec.template.spec.containers
  const containers = first === undefined ? [] : [{ ...first, image }, ...rest]
  return { ...ds, spec: { ...ds.spec, template: { ...ds.spec.template, spec: { ...ds.spec.template.spec, containers } } } }
}

/** The image of the DaemonSet's first container. */
export const templateImageOf = (ds: DaemonSet): string => ds.spec.template.spec.containers[0]?.image ?? ''

/** Who holds a generated revision: the DaemonSet, nobody (to be adopted), or another controller. */
type Holder = 'owned' | 'orphan' | 'foreign'

const arbHolder: fc.Arbitrary<Holder> = fc.oneof(
  { weight: 8, arbitrary: fc.constant<Holder>('owned') },
  { weight: 1, arbitrary: fc.constant<Holder>('orphan') },
  { weight: 1, arbitrary: fc.constant<Holder>('foreign') },
)

const held = (revision: ControllerRevision, holder: Holder): ControllerRevision => {
  if (holder === 'owned') return revision
  const { ownerReferences: _owners, ...metadata } = revision.metadata
  if (holder === 'orphan') return { ...revision, metadata }
  const other = { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'other', uid: 'uid-other', controller: true }
  return { ...revision, metadata: { ...metadata, name: `other-${nameOf(revision)}`, ownerReferences: [other] } }
}

// Legacy revisions predate the hash label; the controller labels them with their own name.
const legacy = (revision: ControllerRevision): ControllerRevision => {
  const { [DaemonSetKeys.revisionHash]: _hash, ...labels } = revision.metadata.labels ?? {}
  return { ...revision, metadata: { ...revision.metadata, labels } }
}

/**
 * A ControllerRevision history for `ds` as earlier syncs leave it: snapshots of other images, with
 * or without one of the current template (a renumbered rollback when its number is not the
 * highest), sometimes a duplicate of the current one, a legacy revision without the hash label, an
 * orphan to adopt, one held by another controller, or another template squatting on the current
 * template's name (a hash collision). Revision numbers are distinct.
 */
export const arbRevisionHistory = (ds: DaemonSet): fc.Arbitrary<ReadonlyArray<ControllerRevision>> => {
  const current = templateImageOf(ds)
  const collisionCount = ds.status?.collisionCount
  const snapshotOf = (image: string, revision: number): ControllerRevision => {
    const variant = withTemplateImage(ds, image)
    return snapshotRevision(variant, revision, hashRevision(variant.spec.template, collisionCount))
  }
  return fc
    .record({
      oldImages: fc.shuffledSubarray(images.filter((i) => i !== current), { maxLength: 4 }),
      withCurrent: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      duplicateCurrent: fc.oneof({ weight: 1, arbitrary: fc.constant(true) }, { weight: 7, arbitrary: fc.constant(false) }),
      legacyIndex: fc.oneof({ weight: 1, arbitrary: fc.nat(5) }, { weight: 5, arbitrary: fc.constant(-1) }),
      squatter: fc.oneof({ weight: 1, arbitrary: fc.constant(true) }, { weight: 7, arbitrary: fc.constant(false) }),
    })
    .chain(({ oldImages, withCurrent, duplicateCurrent, legacyIndex, squatter }) => {
      const imagesInHistory = [...oldImages, ...(withCurrent ? [current] : [])]
      const squats = squatter && !withCurrent && oldImages.length > 0
      const count = imagesInHistory.length + (withCurrent && duplicateCurrent ? 1 : 0) + (squats ? 1 : 0)
      return fc
        .tuple(
          fc.uniqueArray(fc.integer({ min: 1, max: 20 }), { minLength: count, maxLength: count }),
          fc.array(arbHolder, { minLength: count, maxLength: count }),
        )
        .map(([numbers, holders]) => {
          const revisions = imagesInHistory.map((image, i) => snapshotOf(image, numbers[i] ?? i + 1))
          if (withCurrent && duplicateCurrent) {
            const original = snapshotOf(current, numbers[count - 1] ?? count)
            const hash = `${original.metadata.labels?.[DaemonSetKeys.revisionHash] ?? ''}d`
            revisions.push({
              ...original,
              metadata: { ...original.metadata, name: `${nameOf(ds)}-${hash}`, labels: { ...original.metadata.labels, [DaemonSetKeys.revisionHash]: hash } },
            })
          }
          if (squats) {
            // A hash collision: another template under the name the current template hashes to.
            const hash = hashRevision(ds.spec.template, collisionCount)
            const other = snapshotOf(oldImages[0] ?? current, numbers[count - 1] ?? count)
            revisions.push({
              ...other,
              metadata: { ...other.metadata, name: `${nameOf(ds)}-${hash}`, labels: { ...other.metadata.labels, [DaemonSetKeys.revisionHash]: hash } },
            })
          }
          return revisions.map((r, i) => held(i === legacyIndex ? legacy(r) : r, squats && i === count - 1 ? 'owned' : (holders[i] ?? 'owned')))
        })
    })
}

/** The hash labels a history carries (legacy revisions are known by their names). */
export const revisionHashesOf = (revisions: ReadonlyArray<ControllerRevision>): ReadonlyArray<string> =>
  revisions.map((r) => r.metadata.labels?.[DaemonSetKeys.revisionHash] ?? nameOf(r))

/**
 * The DaemonSet after a user changes its image, as the API server stores it: generation and the
 * template-generation annotation (when present) go up by one. Unchanged when the image is the same.
 */
export const editTemplateImage = (ds: DaemonSet, image: string): DaemonSet => {
  if (templateImageOf(ds) === image) return ds
  const edited = withTemplateImage(ds, image)
  const annotations = ds.metadata.annotations
  const templateGeneration = annotations?.[DaemonSetKeys.templateGenerationAnnotation]
  return {
    ...edited,
    metadata: {
      ...edited.metadata,
      generation: (ds.metadata.generation ?? 0) + 1,
      ...(annotations !== undefined && templateGeneration !== undefined
        ? { annotations: { ...annotations, [DaemonSetKeys.templateGenerationAnnotation]: String(Number(templateGeneration) + 1) } }
        : {}),
    },
  }
}

/** A sequence of image edits; a repeated image is a rollback to an earlier template. */
export const arbTemplateEdits = (): fc.Arbitrary<ReadonlyArray<string>> => fc.array(fc.constantFrom(...images), { minLength: 1, maxLength: 4 })
