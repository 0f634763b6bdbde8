export * from './pod'
export * from './job'
export * from './cronjob'
