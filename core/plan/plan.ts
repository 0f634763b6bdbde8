import type { Action } from './action'

/** One reconcile pass as data: what the controller asks the world to do, in order. */
export interface Plan {
  readonly actions: ReadonlyArray<Action>
}

export const emptyPlan: Plan = { actions: [] }

export const planOf = (actions: ReadonlyArray<Action>): Plan => ({ actions })

/** Concatenates plans in order, as the steps of one sync run one after another. */
export const concatPlans = (plans: ReadonlyArray<Plan>): Plan => ({ actions: plans.flatMap((p) => p.actions) })

/** The actions of one type, narrowed: `actionsOf(plan, 'CreatePod')`. */
export const actionsOf = <T extends Action['type']>(plan: Plan, type: T): ReadonlyArray<Extract<Action, { type: T }>> =>
  plan.actions.filter((a): a is Extract<Action, { type: T }> => a.type === type)
