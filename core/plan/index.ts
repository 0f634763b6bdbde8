export * from './action'
export { describeAction } from './describe'
