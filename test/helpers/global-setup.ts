import postgres from 'postgres';
import type { TestProject } from 'vitest/node';

/**
 * With TEST_DATABASE_URL set, creates one migrated template database for this run; each test file
 * then copies it (CREATE DATABASE … TEMPLATE), and everything is dropped at the end.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return;
  const { openDatabase } = await import('../../src/db/client');
  const template = `kakehashi_tpl_${process.pid}_${Date.now()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${template}`);
  const url = new URL(serverUrl);
  url.pathname = `/${template}`;
  const database = await openDatabase({ databaseUrl: url.toString(), pgliteDataDir: undefined });
  await database.close();
  project.provide('templateDatabase', template);
  return async () => {
    await admin.unsafe(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname like '%_${process.pid}_%' and datname like 'kakehashi_t%' and pid <> pg_backend_pid()`,
    );
    const rows = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${`kakehashi_t%_${process.pid}_%`}`;
    for (const row of rows) await admin.unsafe(`drop database if exists ${row.datname}`);
    await admin.unsafe(`drop database if exists ${template}`);
    await admin.end();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
