/** The two database engines Cadenza runs on. */
export type DatabaseDialect = 'sqlite' | 'postgres';
