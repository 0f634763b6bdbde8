import { Observable, type OperatorFunction } from 'rxjs'

/**
 * `mergeMap(project)` for a `project` that returns an array: each element is emitted in order,
 * synchronously, as mergeMap would, but without subscribing to an inner Observable per source
 * value (controllers map every informer event to a few triggers, and those inner subscriptions
 * showed in profiles). A throwing `project` errors the stream, as in mergeMap.
 */
export const flatMapArray =
  <A, B>(project: (value: A) => ReadonlyArray<B>): OperatorFunction<A, B> =>
  (source) =>
    new Observable<B>((subscriber) =>
      source.subscribe({
        next: (value) => {
          let out: ReadonlyArray<B>
          try {
            out = project(value)
          } catch (error) {
            subscriber.error(error)
            return
          }
          for (const item of out) {
            if (subscriber.closed) return
            subscriber.next(item)
          }
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      }),
    )
