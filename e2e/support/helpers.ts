import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './station';

/** A free loopback port, e.g. for a station's embedded sandbox acquirer. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

/** Saves a screenshot into the test's output folder, to look at after a run. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
}

/** Where screenshots worth keeping go: CI uploads this folder as an artefact (git-ignored). */
export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

/** Saves a screenshot into e2e/artifacts/, the folder CI keeps after a run. */
export async function artifact(page: Page, name: string): Promise<string> {
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Pairs a customer display page with a code from `pairing.create`, then waits for its idle screen. */
export async function pairWithCode(
  page: Page,
  customerUrl: string,
  code: string,
  storeName = 'Corner Market',
): Promise<void> {
  await page.goto(customerUrl);
  await page.getByLabel('Pairing code').fill(code);
  await page.getByRole('button', { name: 'Pair', exact: true }).click();
  await expect(page.getByRole('heading', { name: storeName })).toBeVisible();
}
