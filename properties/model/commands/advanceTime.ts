import type * as fc from 'fast-check'
import { runChecked } from '../step'
import type { Model, Real } from '../world'

/** Lets virtual time pass; the invariants are checked at every instant on the way. */
export class AdvanceTime implements fc.AsyncCommand<Model, Real> {
  constructor(readonly seconds: number) {}
  check(): boolean {
    return true
  }
  async run(_m: Model, r: Real): Promise<void> {
    await runChecked(r, this.seconds * 1000)
  }
  toString(): string {
    return `advanceTime(${this.seconds}s)`
  }
}
