// The review page in Debian's chromium (playwright-core, no browser
// download): every sample patient typed in through the form gives the
// statuses and missing inputs of `pathwayc run`; unknowns, unit switching,
// the "to decide, record" links, the explanation tree, saving and loading a
// patient, and a runtime error shown beside its field. Screenshots go to
// $REVIEW_ARTEFACTS (default: a temporary directory). Timings are printed.
//   PATHWAYC=/path/to/pathwayc node --test review.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const PATHWAYC = process.env.PATHWAYC || '';
const pw = path.join(repo, 'pathways/pt_failure.pw');
const patientsDir = path.join(repo, 'pathways/pt_failure/patients');
const artefacts = process.env.REVIEW_ARTEFACTS || fs.mkdtempSync(path.join(os.tmpdir(), 'review-artefacts-'));

let skip = false;
if (!PATHWAYC || !fs.existsSync(PATHWAYC)) skip = 'PATHWAYC is not set to a pathwayc binary; skipping the review page tests';
else if (!fs.existsSync(CHROMIUM)) skip = `${CHROMIUM} is missing (apt-get install chromium); skipping the review page tests`;
let chromium = null;
if (!skip) {
  try { ({ chromium } = await import('playwright-core')); } catch { skip = 'playwright-core is not installed (cd tests/review && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci); skipping'; }
}
if (skip) console.log(`# ${skip}`);

const patients = fs.readdirSync(patientsDir).filter((f) => f.endsWith('.json')).sort();
let browser, dir, schema;
const timings = [];

function cliResult(file) {
  return JSON.parse(execFileSync(PATHWAYC, ['run', pw, '-i', file], { encoding: 'utf8' }));
}
// The page's status names are the runtime's; `pathwayc run` says fire/no/undetermined (+ superseded_by).
function cliStatus(r) {
  if (r.superseded_by && r.superseded_by.length && r.status !== 'fire') return 'superseded';
  return { fire: 'fired', no: 'not_fired', undetermined: 'undetermined' }[r.status];
}

before(async () => {
  if (skip) return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'review-page-'));
  execFileSync(PATHWAYC, ['review', pw, '-o', dir], { stdio: 'inherit' });
  assert.ok(fs.existsSync(path.join(dir, 'index.html')), 'pathwayc review wrote no index.html');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});
after(async () => {
  if (browser) await browser.close();
  if (timings.length) {
    console.log(`# artefacts in ${artefacts}`);
    for (const t of timings) console.log(`# ${t}`);
  }
});

async function open() {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('file://' + path.join(dir, 'index.html'));
  await page.waitForSelector('body[data-ready]', { timeout: 15000 }).catch(async () => {
    throw new Error(`the page did not start: ${errors.join('; ')} ${await page.textContent('#fatal')}`);
  });
  page.pwErrors = errors;
  if (!schema) schema = await page.evaluate(() => [...document.querySelectorAll('.field')].map((f) => f.dataset.input));
  return page;
}

// Types and chooses the patient's facts in the form, field by field.
async function fill(page, facts) {
  for (const [name, value] of Object.entries(facts)) {
    const id = `#in-${name}`;
    const tag = await page.$eval(id, (e) => e.tagName);
    if (tag === 'SELECT') await page.selectOption(id, String(value));
    else { await page.click(id); await page.keyboard.type(String(value)); }
  }
}
async function displayed(page) {
  return page.$$eval('.rec', (els) => Object.fromEntries(els.map((e) => [e.dataset.code, {
    status: e.dataset.status,
    missing: [...e.querySelectorAll('a.record')].map((a) => a.dataset.input),
  }])));
}
function compare(shown, cli, what) {
  assert.equal(Object.keys(shown).length, cli.recommendations.length, `${what}: number of recommendations`);
  for (const r of cli.recommendations) {
    assert.ok(shown[r.code], `${what}: ${r.code} is shown`);
    assert.equal(shown[r.code].status, cliStatus(r), `${what}: status of ${r.code}`);
    if (r.status === 'undetermined') assert.deepEqual([...shown[r.code].missing].sort(), [...(r.missing || [])].sort(), `${what}: missing of ${r.code}`);
  }
}

for (const file of patients) {
  test(`sample ${file} typed into the form gives the statuses of pathwayc run`, { skip }, async () => {
    const page = await open();
    const facts = JSON.parse(fs.readFileSync(path.join(patientsDir, file), 'utf8'));
    await fill(page, facts);
    const shown = await displayed(page);
    compare(shown, cliResult(path.join(patientsDir, file)), file);
    const perEval = await page.evaluate(() => window.pathwayReview.evaluateTimes(2000));
    timings.push(`${file}: ${(perEval * 1000).toFixed(1)} us per evaluation (statuses, masks and trace) in chromium`);
    const first = Object.entries(shown).find(([, v]) => v.status === 'fired') || Object.entries(shown)[0];
    await page.click(`[data-code="${first[0]}"] .why`);
    await page.evaluate(() => { window.scrollTo(0, 0); document.querySelector('.results').scrollTop = 0; });
    await page.screenshot({ path: path.join(artefacts, `${path.basename(file, '.json')}.png`) });
    assert.deepEqual(page.pwErrors, []);
    await page.close();
  });
}

test('page load to first result', { skip }, async () => {
  const runs = [];
  for (let i = 0; i < 5; ++i) {
    const page = await open();
    runs.push(await page.evaluate(() => [window.PATHWAY_TIMINGS.loadToFirstResult, window.PATHWAY_TIMINGS.sinceNavigation]));
    await page.close();
  }
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  timings.push(`load to first result: ${med(runs.map((r) => r[0])).toFixed(1)} ms from the loader script, ` +
    `${med(runs.map((r) => r[1])).toFixed(1)} ms from navigation start (median of 5, file://)`);
  assert.ok(med(runs.map((r) => r[1])) < 2000);
});

test('unknown: choosing unknown or emptying a field makes its recommendations undetermined again', { skip }, async () => {
  const page = await open();
  const file = path.join(patientsDir, '05_radicular_needs_mri_emg.json');
  const facts = JSON.parse(fs.readFileSync(file, 'utf8'));
  await fill(page, facts);
  compare(await displayed(page), cliResult(file), '05');
  const boolName = Object.keys(facts).find((k) => typeof facts[k] === 'boolean' && ['fever', 'saddle_anaesthesia'].includes(k)) || 'fever';
  await page.selectOption(`#in-${boolName}`, '');
  const numName = Object.keys(facts).find((k) => typeof facts[k] === 'number' && k === 'pain_at_pt_start') || 'pain_at_pt_start';
  await page.check(`#in-${numName}-unknown`);
  assert.equal(await page.inputValue(`#in-${numName}`), '');
  const reduced = { ...facts }; delete reduced[boolName]; delete reduced[numName];
  const tmp = path.join(os.tmpdir(), `review-unknown-${process.pid}.json`);
  fs.writeFileSync(tmp, JSON.stringify(reduced));
  const cli = cliResult(tmp);
  assert.ok(cli.recommendations.some((r) => r.status === 'undetermined'));
  compare(await displayed(page), cli, '05 with unknowns');
  await page.close();
});

test('unit switching: a quantity typed in another unit is converted', { skip }, async () => {
  const page = await open();
  const file = path.join(patientsDir, '02_too_short_trial.json');
  const facts = JSON.parse(fs.readFileSync(file, 'utf8'));
  const weeks = facts.pt_duration;
  assert.equal(typeof weeks, 'number');
  await fill(page, { ...facts, pt_duration: weeks * 7 });
  await page.selectOption('#in-pt_duration-unit', 'days');
  compare(await displayed(page), cliResult(file), '02 with pt_duration in days');
  // 200 years of symptoms is out of range: the runtime's message beside the field
  await page.selectOption('#in-symptom_duration-unit', 'years');
  await page.fill('#in-symptom_duration', '200');
  const error = await page.textContent('#in-symptom_duration-error');
  assert.match(error, /range|600/, error);
  assert.equal(await page.getAttribute('#in-symptom_duration', 'aria-invalid'), 'true');
  await page.close();
});

test('"to decide, record" links move the focus to the field', { skip }, async () => {
  const page = await open();
  await page.selectOption('#sample', { index: patients.indexOf('08_missing_data.json') + 1 });
  const links = await page.$$('a.record');
  assert.ok(links.length > 0);
  for (const link of links.slice(0, 5)) {
    const name = await link.getAttribute('data-input');
    await link.focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), `in-${name}`);
    assert.ok(await page.$eval(`#in-${name}`, (e) => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }));
  }
  await page.close();
});

test('the explanation tree shows each node\'s three-valued value and the patient\'s values', { skip }, async () => {
  const page = await open();
  await page.selectOption('#sample', '05_radicular_needs_mri_emg');
  await page.click('[data-code="mri_lumbar"] .why');
  const items = await page.$$eval('#explanation [role=treeitem]', (els) => els.map((e) => e.querySelector('.val').textContent));
  assert.ok(items.length > 3, `tree of ${items.length} nodes`);
  assert.equal(items[0], 'true');
  for (const v of items) assert.ok(['true', 'false', 'unknown'].includes(v), v);
  assert.match(await page.textContent('#explanation'), / = /);
  await page.close();
});

test('save and load a patient as JSON round trip; a bad value is shown beside its field', { skip }, async () => {
  const page = await open();
  const file = path.join(patientsDir, '03_red_flags_fever_weight_loss.json');
  const facts = JSON.parse(fs.readFileSync(file, 'utf8'));
  await fill(page, facts);
  const before = await displayed(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save')]);
  const saved = path.join(os.tmpdir(), `review-saved-${process.pid}.json`);
  await download.saveAs(saved);
  assert.deepEqual(JSON.parse(fs.readFileSync(saved, 'utf8')), facts);
  await page.click('#clear');
  assert.notDeepEqual(await displayed(page), before);
  await page.setInputFiles('#load', saved);
  await page.waitForFunction(() => document.querySelector('#in-fever').value !== '');
  assert.deepEqual(await displayed(page), before);
  const bad = path.join(os.tmpdir(), `review-bad-${process.pid}.json`);
  fs.writeFileSync(bad, JSON.stringify({ ...facts, pain_now: 14 }));
  await page.setInputFiles('#load', bad);
  await page.waitForSelector('#in-pain_now-error:not([hidden])');
  assert.match(await page.textContent('#in-pain_now-error'), /14/);
  await page.close();
});

test('the flowchart: coloured by the patient on screen; "Why?" shows only what the condition reads; rows link to their fields', { skip }, async () => {
  const page = await open();
  await page.waitForSelector('body[data-flowchart="ready"]', { timeout: 15000 });
  await page.selectOption('#sample', '05_radicular_needs_mri_emg');
  const cli = Object.fromEntries(cliResult(path.join(patientsDir, '05_radicular_needs_mri_emg.json')).recommendations.map((r) => [r.code, r]));
  const classOf = (id) => page.$eval(`#flowchart [id="${id}"]`, (e) => ['fired', 'not-fired', 'undetermined'].find((s) => e.classList.contains(`pw-${s}`)) || null);
  // The whole chart: every recommendation's box, coloured by its status.
  const boxes = await page.$$eval('#flowchart [id^="pw-node-"]', (els) => els.map((e) => e.id.slice('pw-node-'.length)));
  for (const code of Object.keys(cli)) assert.ok(boxes.includes(code), `${code} has a box`);
  assert.equal(await classOf('pw-node-mri_lumbar'), cli.mri_lumbar.status === 'fire' ? 'fired' : 'not-fired');
  assert.equal(await classOf('pw-node-neuro_deficit'), 'fired');
  const stages = await page.$$eval('#flowchart g.cluster', (els) => els.length);
  assert.ok(stages >= 4, `${stages} stages`);
  await page.screenshot({ path: path.join(artefacts, 'flowchart-whole.png'), fullPage: true });
  // Why? for MRI: its condition's boxes only, the arrows into it green.
  await page.click('[data-code="mri_lumbar"] .why');
  const focus = await page.$$eval('#flowchart [id^="pw-node-"]', (els) => els.map((e) => e.id.slice('pw-node-'.length)));
  assert.ok(focus.includes('mri_lumbar') && focus.includes('workup_warranted'), focus.join(' '));
  assert.ok(focus.length < boxes.length / 2, `${focus.length} of ${boxes.length} boxes`);
  assert.ok(!focus.includes('ct_spine'), 'another recommendation is not drawn');
  assert.equal(await classOf('pw-edge-workup_warranted--mri_lumbar'), 'fired');
  assert.match(await page.textContent('#flow-mode'), /only the condition/);
  assert.equal(await page.isVisible('#flow-all'), true);
  await page.locator('#flowchart').screenshot({ path: path.join(artefacts, 'flowchart-mri_lumbar.png') });
  // Actual size: dot's width, scrolled in its box; and back.
  const fitted = await page.$eval('#flowchart svg', (e) => e.getBoundingClientRect().width);
  await page.click('#flow-zoom');
  assert.equal(await page.getAttribute('#flow-zoom', 'aria-pressed'), 'true');
  const actual = await page.$eval('#flowchart svg', (e) => e.getBoundingClientRect().width);
  assert.ok(actual > fitted * 1.3, `actual size ${actual} px, fitted ${fitted} px`);
  await page.click('#flow-zoom');
  assert.equal(Math.round(await page.$eval('#flowchart svg', (e) => e.getBoundingClientRect().width)), Math.round(fitted));
  // A row that reads an unknown input is marked, and its link goes to the field.
  await page.selectOption('#in-mri_contraindicated', '');
  const unknownRow = page.locator('#flowchart .pw-row-unknown a[href="#pw-in-mri_contraindicated"], #flowchart .pw-row-unknown a[*|href="#pw-in-mri_contraindicated"]').first();
  await unknownRow.click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'in-mri_contraindicated');
  assert.equal(await classOf('pw-node-mri_lumbar'), 'undetermined');
  await page.click('#flow-all');
  assert.equal((await page.$$('#flowchart [id^="pw-node-"]')).length, boxes.length);
  assert.deepEqual(page.pwErrors, []);
  await page.close();
});
