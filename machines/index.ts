export * from './pod'
export * from './job'
