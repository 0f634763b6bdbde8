export * from './pod'
