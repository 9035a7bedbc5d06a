// The demo page in Debian's Chromium, headless: two tabs chat with each other, the page shows
// what the WebSocket handshake negotiated, and a screenshot is kept.
//
//   node demo-page.mjs <base URL of the demo> <folder for the screenshot>
//
// Prints one line per check and a closing "N passed, N failed"; exits 1 if any failed.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [base, outDir] = process.argv.slice(2);
if (!base || !outDir) {
  console.error('usage: node demo-page.mjs <base URL> <screenshot folder>');
  process.exit(2);
}
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const timeout = 60_000;
let passed = 0;
let failed = 0;

async function check(name, body) {
  try {
    await body();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e.message.split('\n')[0]}`);
  }
}

function expectEqual(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected "${expected}" but was "${actual}"`);
}

async function openTab(context) {
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  await page.goto(base, { waitUntil: 'load' });
  await page.waitForFunction(() => document.getElementById('state').textContent === 'open');
  return page;
}

const text = (page, id) => page.locator(`#${id}`).textContent();

mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath,
  headless: true,
  timeout,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const ada = await openTab(context);
  // The demo server is shared with other tests, whose members may still be in the room: count from here.
  await ada.waitForFunction(() => /^\d+$/.test(document.getElementById('members').textContent));
  const before = Number(await text(ada, 'members'));
  const bob = await openTab(context);

  await check('the page shows the negotiated subprotocol chat.v2', async () => {
    expectEqual(await text(ada, 'subprotocol'), 'chat.v2', 'subprotocol');
  });
  await check('the page shows permessage-deflate among the negotiated extensions', async () => {
    const extensions = await text(ada, 'extensions');
    if (!extensions.startsWith('permessage-deflate')) throw new Error(`extensions were "${extensions}"`);
  });
  await check('the page shows the handshake time', async () => {
    const timing = await text(ada, 'handshake-ms');
    if (!/^\d+(\.\d)? ms to the 101$/.test(timing)) throw new Error(`handshake time was "${timing}"`);
  });
  await check('a message typed in one tab appears in the other', async () => {
    await ada.fill('#name', 'Ada');
    await ada.fill('#text', 'Hello from the first tab');
    await ada.click('#send');
    await bob.locator('#log li', { hasText: 'Hello from the first tab' }).waitFor();
    expectEqual(await bob.locator('#log li', { hasText: 'Hello from the first tab' }).locator('.from').textContent(),
      'Ada', 'sender shown in the second tab');
  });
  await check('the answer comes back to the first tab', async () => {
    await bob.fill('#name', 'Bob');
    await bob.fill('#text', 'Hello back, Ada');
    await bob.press('#text', 'Enter');
    await ada.locator('#log li', { hasText: 'Hello back, Ada' }).waitFor();
  });
  await check('both tabs see one member more once the second tab has joined', async () => {
    const expected = String(before + 1);
    await ada.waitForFunction((n) => document.getElementById('members').textContent === n, expected);
    await bob.waitForFunction((n) => document.getElementById('members').textContent === n, expected);
  });
  await check('the live counters show the open chat sessions and the messages', async () => {
    await ada.waitForFunction(() => {
      const stat = (name) => Number(document.querySelector(`[data-stat="${name}"]`).textContent);
      return stat('chat.members') >= 2 && stat('chat.messagesReceived') >= 2;
    });
  });
  await ada.bringToFront();
  const shot = join(outDir, 'demo.png');
  await ada.screenshot({ path: shot, fullPage: true });
  console.log(`screenshot: ${shot}`);
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
