import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import OpenAI from 'openai';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

/**
 * The web dashboard in headless Chromium (Debian's `chromium`, driven by playwright-core) against the
 * real gateway and the simulator, with gateway keys and an admin key: log in, the Overview's charts
 * with data, a `sim-down` failure on Providers, an Arena competition streamed, judged and voted on (the
 * vote checked in `/performance`), quota bars on Usage, the attempt trail on Requests, keyboard-only
 * navigation and a phone-sized run. Screenshots of every page land in test-output/screenshots/.
 */
// What the callbacks given to `page.evaluate` use of the browser: they run in the page, but are
// type-checked here, where the Node project has no DOM library (these declarations are this module's own).
interface PageElement {
  id: string;
  textContent: string | null;
  querySelector(selector: string): PageElement | null;
}
declare const document: {
  activeElement: PageElement | null;
  documentElement: { scrollWidth: number };
  querySelectorAll(selector: string): Iterable<PageElement>;
};
declare const window: {
  innerWidth: number;
  location: { hash: string };
  scrollTo(x: number, y: number): void;
};
declare const sessionStorage: { setItem(key: string, value: string): void };
declare function getComputedStyle(element: PageElement): { outlineStyle: string };

const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
if (!hasChromium) console.warn(`Skipping the dashboard browser tests: ${chromiumPath} is missing.`);

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const screenshots = join(root, 'test-output', 'screenshots');
const adminKey = 'arb_admin_dashboard_browser_0001';
const gatewayKey = 'arb_test_dashboard_browser_key_0001';
const laptop = { width: 1366, height: 768 };
const phone = { width: 390, height: 844 };

let simulator: Simulator;
let running: RunningGateway;
let browser: Browser;
let laptopContext: BrowserContext;
let page: Page;
/** The request that failed on `groq/sim-down`: its attempt trail is opened on the Requests page. */
let failedRequestId: string;

/** The gateway serves `dist/dashboard/`: rebuild it when a dashboard source is newer than the build. */
function ensureDashboardBuild(): void {
  const built = join(root, 'dist', 'dashboard', 'index.html');
  const newest = (folder: string): number =>
    Math.max(
      ...readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs),
    );
  if (existsSync(built) && statSync(built).mtimeMs >= newest(join(root, 'dashboard'))) return;
  execFileSync(process.execPath, [join(root, 'scripts', 'build-dashboard.js')], { stdio: 'pipe' });
}

async function shoot(target: Page, name: string): Promise<void> {
  // From the top: a full-page shot of a scrolled page draws the sticky header midway.
  await target.evaluate(() => window.scrollTo(0, 0));
  await target.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

/** The user and evaluator verdicts `/performance` holds for a target (`provider/model`), any key. */
async function getQualitySignals(target: string): Promise<number> {
  const response = await fetch(`${running.url}/performance`, {
    headers: { authorization: `Bearer ${adminKey}` },
  });
  expect(response.status).toBe(200);
  const { targets } = (await response.json()) as {
    targets: Array<{ target: string; quality_signals: number }>;
  };
  return targets
    .filter((row) => row.target.startsWith(`${target}@`))
    .reduce((sum, row) => sum + row.quality_signals, 0);
}

/** Goes to a page by its hash and waits for its heading. */
async function open(target: Page, hash: string, heading: string): Promise<void> {
  await target.evaluate((next) => (window.location.hash = next), hash);
  await expect
    .poll(() => target.getByRole('heading', { level: 1, name: heading }).count())
    .toBeGreaterThan(0);
}

beforeAll(async () => {
  if (!hasChromium) return;
  ensureDashboardBuild();
  mkdirSync(screenshots, { recursive: true });
  simulator = await createSimulator({ seed: 7 });
  // Answers that take about a second to stream, the groq one slower, so both columns are seen filling.
  simulator.setProfile('gpt-4o-mini', { latencyInMs: 30, ttftInMs: 60, tokensPerSecond: 60, jitter: 0 });
  simulator.setProfile('sim-fast', { latencyInMs: 60, ttftInMs: 120, tokensPerSecond: 40, jitter: 0 });
  running = await startGateway({
    OPENAI_API_KEY: 'sim-openai-browser-secret',
    OPENAI_BASE_URL: `${simulator.url}/v1`,
    OPENAI_MODEL: 'gpt-4o-mini',
    GROQ_API_KEY: 'sim-groq-browser-secret',
    GROQ_BASE_URL: `${simulator.url}/openai/v1`,
    GROQ_MODEL: 'sim-fast',
    MAX_RETRY_ATTEMPTS: '0',
    ARBITER_ADMIN_KEY: adminKey,
    ARBITER_API_KEYS: `${gatewayKey}:free`,
  });
  const client = new OpenAI({ baseURL: `${running.url}/v1`, apiKey: gatewayKey, maxRetries: 0 });
  const ask = (model: string) =>
    client.chat.completions.create({ model, messages: [{ role: 'user', content: 'Say hello' }] });
  await Promise.all([ask('openai/gpt-4o-mini'), ask('openai/gpt-4o-mini'), ask('groq/sim-fast')]);
  const stream = await client.chat.completions.create({
    model: 'openai/gpt-4o-mini',
    stream: true,
    messages: [{ role: 'user', content: 'Stream a greeting' }],
  });
  for await (const _chunk of stream);
  const failure = await ask('groq/sim-down').catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(OpenAI.APIError);
  failedRequestId = (failure as InstanceType<typeof OpenAI.APIError>).requestID!;
  expect(failedRequestId).toMatch(/^req_/);

  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
  laptopContext = await browser.newContext({ viewport: laptop });
  // Well within vitest's time per test, so a missing element fails with Playwright's own message.
  laptopContext.setDefaultTimeout(8_000);
  page = await laptopContext.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await running?.close();
  await simulator?.close();
});

describe.skipIf(!hasChromium)('the dashboard in a laptop-sized window', () => {
  it('asks for the admin key, refuses a wrong one, then shows the Overview charts with data', async () => {
    await page.goto(`${running.url}/ui`);
    const keyField = page.getByLabel('Admin key');
    await keyField.waitFor();
    await keyField.fill(gatewayKey);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('That key was refused').waitFor();
    await keyField.fill(adminKey);
    await keyField.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    const totals = page.locator('.tile', { hasText: /^Requests/ }).locator('dd');
    await expect.poll(() => totals.textContent()).toBe('5');
    await page.locator('.chart-canvas canvas').first().waitFor();
    expect(await page.locator('.chart-canvas canvas').count()).toBeGreaterThanOrEqual(4);
    await expect.poll(() => page.locator('.chart-summary').first().textContent()).toMatch(/\d/);
    for (const provider of ['openai', 'groq']) await page.getByLabel(provider, { exact: true }).waitFor();
    await page.getByRole('radio', { name: '1 hour' }).check();
    await expect.poll(() => totals.textContent()).toBe('5');
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    await shoot(page, 'overview-laptop');
  });

  it('shows each target with its circuit, the sim-down failure, key chips and histograms on Providers', async () => {
    await open(page, '#/providers', 'Providers');
    const down = page.getByRole('article', { name: 'groq/sim-down' });
    await down.waitFor();
    await expect.poll(() => down.locator('.badge').first().textContent()).toMatch(/circuit (closed|open)/);
    const failures = down.locator('.fact:has(dt:text-is("Failures")) dd');
    expect(Number(await failures.textContent())).toBeGreaterThanOrEqual(1);
    const mini = page.getByRole('article', { name: 'openai/gpt-4o-mini' });
    expect(await mini.locator('.fact:has(dt:text-is("Successes")) dd').textContent()).toBe('3');
    await page
      .getByText(/openai#\S+: available/)
      .first()
      .waitFor();
    // Targets nobody called yet are folded away; providers without a key are one line at the end.
    const idle = page.locator('.idle-targets').first();
    expect(await idle.locator('summary').textContent()).toMatch(/^\d+ targets? without traffic yet$/);
    expect(await idle.getByRole('article').first().isVisible()).toBe(false);
    await page.getByRole('heading', { name: 'Not configured' }).waitFor();
    expect(await mini.getByRole('figure').count()).toBe(2);
    for (const term of ['Learned score', 'Reliability', 'Speed', 'Quality', 'Recency'])
      await mini.getByText(term, { exact: true }).waitFor();
    await shoot(page, 'providers-laptop');
  });

  it('runs an Arena competition live, shows the winner and records a vote in /performance', async () => {
    await open(page, '#/arena', 'Arena');
    await page.getByLabel('Prompt').fill('Name three sea creatures');
    await page.getByRole('checkbox', { name: 'openai/gpt-4o-mini', exact: true }).check();
    await page.getByRole('checkbox', { name: 'groq/sim-fast', exact: true }).check();
    await page.getByRole('button', { name: 'Run' }).click();

    const columns = page.locator('.arena-column');
    // Live: some column shows text while it is still streaming, before the verdict.
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.arena-column')].some(
        (column) =>
          column.querySelector('.badge')?.textContent?.includes('streaming') &&
          (column.querySelector('.arena-text')?.textContent ?? '').length > 0,
      ),
    );
    expect(await columns.count()).toBe(2);
    const winner = page.locator('.arena-column.is-winner');
    await winner.waitFor({ timeout: 15_000 });
    await page.getByRole('heading', { name: /^Winner: / }).waitFor();
    expect((await page.locator('.verdict-reasoning').textContent())!.length).toBeGreaterThan(0);
    for (const column of await columns.all()) {
      expect((await column.locator('.arena-text').textContent())!.length).toBeGreaterThan(0);
      expect(await column.getByTestId('ttft').textContent()).toMatch(/\d/);
      expect(await column.getByTestId('total').textContent()).toMatch(/\d/);
    }
    const winnerTarget = (await winner.locator('h3').textContent())!;
    const before = await getQualitySignals(winnerTarget);
    await winner.getByRole('button', { name: 'Vote best' }).click();
    await winner.getByText('Vote recorded').waitFor();
    await shoot(page, 'arena-laptop');
    // The other columns cannot be voted on once one vote is in: one best answer per competition.
    expect(await columns.getByRole('button', { name: 'Vote best' }).isDisabled()).toBe(true);
    expect(await getQualitySignals(winnerTarget)).toBe(before + 1);
  });

  it("shows the key's quota bars, plan and cost on Usage", async () => {
    await open(page, '#/usage', 'Usage');
    const requests = page.getByRole('meter', { name: 'ARBITER_API_KEYS #1: requests this hour' });
    await requests.waitFor();
    expect(Number(await requests.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(5);
    expect(await requests.getAttribute('aria-valuetext')).toMatch(/^\d+ of \d+ \(\d+%\)$/);
    await page.getByRole('meter', { name: 'ARBITER_API_KEYS #1: tokens today' }).waitFor();
    await page.getByRole('cell', { name: 'free' }).first().waitFor();
    await shoot(page, 'usage-laptop');
  });

  it('lists requests and opens the attempt trail of the failed one on Requests', async () => {
    await open(page, '#/requests', 'Requests');
    const link = page.getByRole('link', { name: failedRequestId });
    await link.waitFor();
    expect(await page.locator('tbody tr').count()).toBeGreaterThanOrEqual(5);
    await link.click();
    const trail = page.getByRole('table', { name: 'Attempt trail, in order' });
    await trail.waitFor();
    const attempt = trail.locator('tbody tr').first();
    await expect.poll(() => attempt.textContent()).toContain('groq/sim-down');
    expect(await attempt.locator('.badge').textContent()).not.toContain('success');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('request-detail-title');
    await shoot(page, 'requests-laptop');
  });

  it('is usable with the keyboard alone: skip link, nav links, Enter', async () => {
    // A fresh document (a new query, not just a new hash), so the focus starts at the top.
    await page.goto(`${running.url}/ui?keyboard#/overview`);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim());
    for (const name of ['Overview', 'Providers', 'Arena', 'Usage', 'Requests']) {
      await page.keyboard.press('Tab');
      expect(await focused()).toBe(name);
    }
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Usage' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/usage');
    expect(await page.getByRole('link', { name: 'Usage' }).getAttribute('aria-current')).toBe('page');
  });
});

describe.skipIf(!hasChromium)('the dashboard on a phone', () => {
  let phoneContext: BrowserContext;
  let phonePage: Page;

  beforeAll(async () => {
    phoneContext = await browser.newContext({ viewport: phone, isMobile: true, hasTouch: true });
    phoneContext.setDefaultTimeout(8_000);
    // Logged in already: the key is what the login form keeps in this tab's sessionStorage.
    await phoneContext.addInitScript((key) => sessionStorage.setItem('arbiter.adminKey', key), adminKey);
    phonePage = await phoneContext.newPage();
    await phonePage.goto(`${running.url}/ui#/overview`);
  });

  afterAll(async () => {
    await phoneContext?.close();
  });

  /** Nothing wider than the screen: no sideways scrolling. */
  const fitsTheScreen = () =>
    phonePage.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('folds the nav behind a Menu button and fits every page on the screen', async () => {
    await phonePage.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await phonePage.locator('.chart-canvas canvas').first().waitFor();
    const menu = phonePage.getByRole('button', { name: 'Menu' });
    expect(await menu.isVisible()).toBe(true);
    expect(await phonePage.getByRole('link', { name: 'Providers' }).isVisible()).toBe(false);
    expect(await fitsTheScreen()).toBe(true);
    await shoot(phonePage, 'overview-phone');

    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await phonePage.getByRole('link', { name: 'Providers' }).click();
    await phonePage.getByRole('article', { name: 'groq/sim-down' }).waitFor();
    expect(await phonePage.getByRole('link', { name: 'Usage' }).isVisible()).toBe(false);
    expect(await fitsTheScreen()).toBe(true);
    await shoot(phonePage, 'providers-phone');

    await open(phonePage, '#/usage', 'Usage');
    await phonePage.getByRole('meter', { name: 'ARBITER_API_KEYS #1: requests this hour' }).waitFor();
    expect(await fitsTheScreen()).toBe(true);
    await shoot(phonePage, 'usage-phone');

    await open(phonePage, `#/requests/${failedRequestId}`, 'Requests');
    await phonePage.getByRole('table', { name: 'Attempt trail, in order' }).waitFor();
    expect(await fitsTheScreen()).toBe(true);
    await shoot(phonePage, 'requests-phone');
  });

  it('stacks the Arena columns one under the other', async () => {
    await open(phonePage, '#/arena', 'Arena');
    await phonePage.getByLabel('Prompt').fill('Name a colour');
    await phonePage.getByRole('checkbox', { name: 'openai/gpt-4o-mini', exact: true }).check();
    await phonePage.getByRole('checkbox', { name: 'groq/sim-fast', exact: true }).check();
    await phonePage.getByRole('button', { name: 'Run' }).click();
    await phonePage.locator('.arena-column.is-winner').waitFor({ timeout: 15_000 });
    await phonePage.getByRole('heading', { name: /^Winner: / }).waitFor();
    const [first, second] = await phonePage.locator('.arena-column').all();
    const [top, bottom] = [await first!.boundingBox(), await second!.boundingBox()];
    expect(bottom!.y).toBeGreaterThanOrEqual(top!.y + top!.height);
    expect(await fitsTheScreen()).toBe(true);
    await shoot(phonePage, 'arena-phone');
  });
});
