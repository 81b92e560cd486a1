// Loads pages in Debian's Chromium so that their CSP violations are reported to the collector.
// Run by HeadlessChromium (tests): node load-pages.mjs URL... ; prints "loaded URL EPOCH_MILLIS" as soon as
// each page's load event has fired, then keeps the browser open (Reporting API batches are sent after a
// delay) until stdin closes or 30 s pass.
import { chromium } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LINGER_MS = 30_000;
const urls = process.argv.slice(2);
if (urls.length === 0) {
  console.error('usage: node load-pages.mjs URL...');
  process.exit(2);
}

const userDataDir = await mkdtemp(join(tmpdir(), 'secheaders-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  ignoreHTTPSErrors: true,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    // The test serves HTTPS with a throwaway self-signed certificate.
    '--ignore-certificate-errors',
    // Without it Chromium holds Reporting API batches for about a minute.
    '--short-reporting-delay',
    // Pages are served as shop.test (a reserved name) on this machine's loopback, so that reports are
    // classified as a real site's, not as local-address noise.
    '--host-resolver-rules=MAP *.test 127.0.0.1',
  ],
});
try {
  for (const url of urls) {
    const page = await context.newPage();
    page.on('console', (message) => console.error(`console ${message.type()}: ${message.text()}`));
    await page.goto(url, { waitUntil: 'load' });
    console.log(`loaded ${url} ${Date.now()}`);
  }
  await new Promise((resolve) => {
    setTimeout(resolve, LINGER_MS);
    process.stdin.on('end', resolve);
    process.stdin.on('close', resolve);
    process.stdin.resume();
  });
} finally {
  await context.close();
  await rm(userDataDir, { recursive: true, force: true });
}
process.exit(0);
