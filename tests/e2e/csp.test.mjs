// The explorer runs under a strict Content-Security-Policy and talks to no other host.
//
//   trunk build --release --offline && node --test tests/e2e/csp.test.mjs
//
// dist/ is served with the site's policy (CSP in tests/e2e/support.mjs: no 'unsafe-inline', no
// 'unsafe-eval', only 'wasm-unsafe-eval'). A canary first proves the policy is enforced (an injected
// inline script is blocked and reported); then every view is visited, at a desktop and a phone width,
// and any `securitypolicyviolation` event, console error, page error or request off 127.0.0.1 fails.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CSP, assertCleanPage, assertLocalOnly, closeFilters, openFilters, settle, usePages } from './support.mjs';

// The suite checks each page itself (its canary breaks the policy on purpose).
const pages = usePages({ checkClean: false });
let current;
const allRequests = [];

async function open(viewport = { width: 1440, height: 900 }) {
  current = await pages.track({ viewport, allRequests });
  const response = await current.page.goto(pages.base(), { waitUntil: 'load' });
  await current.page.waitForFunction(() => Number(document.querySelector('#chart-canvas')?.getAttribute('data-draws') || 0) >= 1);
  return { ...current, response };
}

/** Visits every view: each dataset (chart and table), chart kind, other select option, other checkbox, no partners. */
async function visitEveryView(page) {
  const tab = async (which) => {
    await page.click(`#tab-${which}`);
    await page.waitForFunction((w) => document.querySelector(`#tab-${w}`)?.getAttribute('aria-selected') === 'true', which);
    await settle(page);
  };
  await openFilters(page);
  for (const dataset of await page.$$eval('#dataset-select option', (os) => os.map((o) => o.value))) {
    await openFilters(page);
    await page.selectOption('#dataset-select', dataset);
    await closeFilters(page);
    await settle(page);
    await tab('table');
    await tab('chart');
  }
  await openFilters(page);
  for (const kind of await page.$$eval('input[name=chart-kind]', (els) => els.map((e) => e.value))) {
    await openFilters(page);
    await page.check(`input[name=chart-kind][value="${kind}"]`);
    await closeFilters(page);
    await settle(page);
  }
  await openFilters(page);
  const selects = await page.$$eval('.filters select', (els) =>
    els.filter((s) => s.id && s.id !== 'dataset-select').map((s) => ({ id: s.id, values: [...s.options].filter((o) => !o.disabled).map((o) => o.value) })),
  );
  for (const s of selects) {
    for (const value of s.values) {
      await openFilters(page);
      if (await page.isEnabled(`#${s.id}`)) await page.selectOption(`#${s.id}`, value);
      await closeFilters(page);
      await settle(page);
    }
  }
  await openFilters(page);
  const boxes = await page.$$eval('.filters input[type=checkbox]', (els) =>
    els.filter((e) => e.id && e.name !== 'partner' && e.name !== 'category' && !e.disabled).map((e) => e.id),
  );
  for (const id of boxes) {
    await openFilters(page);
    await page.click(`#${id}`);
    await closeFilters(page);
    await settle(page);
  }
  await openFilters(page);
  await page.click('#partners-none');
  await closeFilters(page);
  await settle(page);
  await tab('table');
  await tab('chart');
  // a resize redraws the chart
  const size = page.viewportSize();
  await page.setViewportSize({ width: size.width - 100, height: size.height });
  await settle(page);
  await page.setViewportSize(size);
  await settle(page);
}

describe('Content-Security-Policy and requests', { timeout: 180_000 }, () => {
  test('index.html is served with the strict policy, and the policy is enforced (canary)', async () => {
    const t = await open();
    assert.equal(t.response.headers()['content-security-policy'], CSP);
    for (const bad of ["'unsafe-inline'", "'unsafe-eval'"]) assert.ok(!CSP.includes(bad), `the policy must not allow ${bad}`);
    assert.ok(CSP.includes("script-src 'self' 'wasm-unsafe-eval'"));

    // Canary: an inline script injected into the page must be blocked and reported.
    const ran = await t.page.evaluate(async () => {
      window.__cspCanary = false;
      const s = document.createElement('script');
      s.textContent = 'window.__cspCanary = true;';
      document.head.append(s);
      await new Promise((r) => setTimeout(r, 50));
      return window.__cspCanary;
    });
    assert.equal(ran, false, 'an inline script must not run under the policy');
    await t.page.waitForFunction(() => true); // let the violation report arrive
    for (let i = 0; i < 20 && !t.cspViolations.some((v) => v.directive === 'script-src-elem'); i++) await settle(t.page);
    assert.ok(
      t.cspViolations.some((v) => v.directive === 'script-src-elem' && v.blocked === 'inline'),
      `the blocked inline script should be reported as a violation; got ${JSON.stringify(t.cspViolations)}`,
    );
  });

  for (const [name, viewport] of [
    ['desktop 1440 px', { width: 1440, height: 900 }],
    ['phone 360 px', { width: 360, height: 740 }],
  ]) {
    test(`every view (${name}): no policy violation, no error, no request off 127.0.0.1`, async () => {
      const t = await open(viewport);
      await visitEveryView(t.page);
      await settle(t.page);
      const summary = [...new Set(t.cspViolations.map((v) => `${v.directive} blocked ${v.blocked} (from ${v.source}:${v.line})`))];
      assert.deepEqual(summary, [], `Content-Security-Policy violations (${t.cspViolations.length} events)`);
      assertCleanPage(t);
    });
  }

  test('no request left 127.0.0.1 during the whole run', () => {
    assert.ok(allRequests.length > 0, 'requests were recorded');
    assertLocalOnly(allRequests);
  });
});
