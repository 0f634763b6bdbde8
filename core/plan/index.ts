export * from './action'
export { describeAction } from './describe'
export { type Plan, emptyPlan, planOf, concatPlans, actionsOf } from './plan'
