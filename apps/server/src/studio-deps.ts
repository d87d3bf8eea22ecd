import {
  createAccounts,
  createLearning,
  createRepositories,
  createTeaching,
  openBlobStore,
  openDatabase,
  type Accounts,
  type BlobStore,
  type CadenzaConfig,
  type Database,
  type OpenDatabaseOptions,
  type Repositories,
  type ScryptParams,
  type JobQueue,
  type Learning,
  type Teaching,
} from '@cadenza/platform';
import { SONG_CATALOGUE } from '@cadenza/pedagogy';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ReadinessCheck } from './app-deps.js';
import { authPlugin } from './auth/auth-plugin.js';
import { authRoutes } from './auth/routes.js';
import { tokenRoutes } from './auth/token-routes.js';
import { storeQuestion } from './ear-training/question-store.js';
import { earTrainingRoutes } from './ear-training/routes.js';
import { exerciseRoutes } from './exercises/routes.js';
import { exportRoutes } from './export/routes.js';
import { practiceRoutes } from './practice/routes.js';
import { songRoutes } from './songs/routes.js';
import { generateRoutes } from './generate/routes.js';
import { transcribeRoutes } from './transcribe/routes.js';
import { transcribeJobStorage } from './transcribe/transcribe-job.js';
import { learningRoutes } from './learning/routes.js';
import { theoryTopicRoutes } from './learning/theory-topic-routes.js';
import { libraryRoutes } from './library/routes.js';
import { studentRoutes } from './students/routes.js';
import { teacherLearningRoutes } from './teachers/learning-routes.js';
import { teacherRoutes } from './teachers/routes.js';

/** What the persistence-backed routes run on: one database, its repositories, the blob store, accounts. */
export interface StudioServices {
  readonly config: CadenzaConfig;
  readonly database: Database;
  readonly repositories: Repositories;
  readonly blobs: BlobStore;
  readonly accounts: Accounts;
  readonly teaching: Teaching;
  /** Learning paths: profiles, plans, adaptation (issue 8). */
  readonly learning: Learning;
}

/**
 * A feature that needs the studio's services and brings its own routes and shutdown, e.g. the job
 * routes with their queue: `(services) => ({ plugins: [jobRoutes(queue)], close: () => queue.close() })`.
 * Its plugins are registered after the auth plugin, so their routes see `request.user`.
 */
export interface StudioExtension {
  readonly plugins?: readonly FastifyPluginAsyncZod[];
  readonly readinessChecks?: readonly ReadinessCheck[];
  /** The job queue it runs, if any: POST /transcribe hands long recordings to it. */
  readonly jobs?: JobQueue;
  /** Called at shutdown after the HTTP server has finished its requests, before the database closes. */
  readonly close?: () => Promise<void>;
}
export type StudioExtensionFactory = (services: StudioServices) => StudioExtension | Promise<StudioExtension>;

export interface StudioOptions {
  /** scrypt cost for new passwords (tests pass a cheap one); default the platform's. */
  readonly scrypt?: ScryptParams;
  /** Features built on the services (the job routes go here). */
  readonly extensions?: readonly StudioExtensionFactory[];
}

/** The persistence-backed part of the app, ready for `AppDeps.plugins` and `readinessChecks`. */
export interface Studio {
  readonly services: StudioServices;
  readonly plugins: readonly FastifyPluginAsyncZod[];
  readonly readinessChecks: readonly ReadinessCheck[];
  /** Closes the extensions, then the database (if `openStudio` opened it). Call after `app.close()`. */
  close(): Promise<void>;
}

/** Services over an already open database (tests open theirs in a temp dir or a fresh schema). */
export function createStudioServices(
  config: CadenzaConfig,
  database: Database,
  options: Pick<StudioOptions, 'scrypt'> = {},
): StudioServices {
  const repositories = createRepositories(database.db);
  const teaching = createTeaching(repositories);
  const blobs = openBlobStore(config, database);
  return {
    config,
    database,
    repositories,
    blobs,
    accounts: createAccounts({ repositories, ...(options.scrypt ? { scrypt: options.scrypt } : {}) }),
    teaching,
    learning: createLearning({
      profiles: repositories.studentProfiles,
      attempts: repositories.practiceAttempts,
      teaching,
      blobs,
      storeEarTrainingQuestion: (question) => storeQuestion(blobs, question, false),
    }),
  };
}

/** The auth plugin first (it resolves `request.user` for every route after it), then the routes. */
export function studioPlugins(
  services: StudioServices,
  extras: { readonly jobs?: JobQueue | undefined } = {},
): FastifyPluginAsyncZod[] {
  const { config, accounts, teaching, blobs, repositories, learning } = services;
  const cookieSecure = config.cookieSecure;
  return [
    authPlugin({ accounts, cookieSecure }),
    authRoutes({ accounts, cookieSecure }),
    tokenRoutes(accounts),
    libraryRoutes({ items: repositories.items, blobs, maxUploadBytes: config.maxUploadBytes }),
    teacherRoutes({ teaching, items: repositories.items, blobs }),
    studentRoutes({ teaching }),
    learningRoutes({ learning }),
    teacherLearningRoutes({ learning }),
    theoryTopicRoutes(),
    generateRoutes({ blobs, items: repositories.items }),
    earTrainingRoutes({ blobs, maxSeconds: config.maxAudioSeconds, soundFont: config.soundFont, learning }),
    exerciseRoutes({ blobs, maxSeconds: config.maxAudioSeconds, soundFont: config.soundFont }),
    songRoutes({
      catalogue: SONG_CATALOGUE,
      blobs,
      maxSeconds: config.maxAudioSeconds,
      soundFont: config.soundFont,
    }),
    practiceRoutes({
      blobs,
      attempts: repositories.practiceAttempts,
      maxUploadBytes: config.maxUploadBytes,
      maxSeconds: config.maxAudioSeconds,
      learning,
    }),
    transcribeRoutes({
      blobs,
      items: repositories.items,
      maxUploadBytes: config.maxUploadBytes,
      maxSeconds: config.maxAudioSeconds,
      jobs: extras.jobs,
      storage: transcribeJobStorage(config),
    }),
    exportRoutes({
      items: repositories.items,
      blobs,
      maxUploadBytes: config.maxUploadBytes,
      maxSeconds: config.maxAudioSeconds,
      soundFont: config.soundFont,
    }),
  ];
}

/** GET /ready asks the database for `select 1`. */
export function databaseReadiness(database: Database): ReadinessCheck {
  return {
    name: 'database',
    check: async () => {
      await database.db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
    },
  };
}

/** Assembles the studio over `services`; `close` closes the extensions and, if `ownsDatabase`, the database. */
export async function assembleStudio(
  services: StudioServices,
  options: StudioOptions & { readonly ownsDatabase: boolean },
): Promise<Studio> {
  const extensions: StudioExtension[] = [];
  const closeAll = async () => {
    for (const extension of extensions.reverse()) await extension.close?.();
    if (options.ownsDatabase) await services.database.close();
  };
  try {
    for (const make of options.extensions ?? []) extensions.push(await make(services));
  } catch (error) {
    await closeAll();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    services,
    plugins: [
      ...studioPlugins(services, { jobs: extensions.find((e) => e.jobs)?.jobs }),
      ...extensions.flatMap((e) => e.plugins ?? []),
    ],
    readinessChecks: [
      databaseReadiness(services.database),
      ...extensions.flatMap((e) => e.readinessChecks ?? []),
    ],
    close: () => (closing ??= closeAll()),
  };
}

/**
 * Opens the configured database (SQLite file under CADENZA_DATA_DIR by default, or PostgreSQL) and blob
 * store, migrates, and assembles accounts, library and teacher routes. The server process calls this.
 */
export async function openStudio(
  config: CadenzaConfig,
  options: StudioOptions & { readonly database?: OpenDatabaseOptions } = {},
): Promise<Studio> {
  const database = await openDatabase(config, options.database);
  try {
    return await assembleStudio(createStudioServices(config, database, options), {
      ...options,
      ownsDatabase: true,
    });
  } catch (error) {
    await database.close();
    throw error;
  }
}
