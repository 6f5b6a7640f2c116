export * from './contracts.js';
export * from './connection.js';
export * from './producer.js';
export * from './consumer.js';
