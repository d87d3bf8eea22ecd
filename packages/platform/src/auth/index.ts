/** Accounts: scrypt passwords, sessions and API tokens stored as SHA-256, roles and teacher–student links. */
export * from './accounts.js';
export * from './auth-error.js';
export * from './email.js';
export * from './password.js';
export * from './teachers.js';
export * from './tokens.js';
