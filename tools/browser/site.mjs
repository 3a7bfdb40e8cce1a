// The published site in a real browser: every page through axe-core (WCAG 2.0/2.1 A and AA,
// 0 violations allowed), a keyboard walk from the skip link to a koers and back, and
// screenshots at 1280 and 375 px wide.
//
//   node tools/browser/site.mjs SITE_DIR [SCREENSHOT_DIR]
import { readdirSync, readFileSync, mkdirSync } from "node:fs";
// Also any folder of HTML pages without a start page (the jaarverslag): axe, reflow and
// requests only.
import { join, resolve } from "node:path";
import { createRequire } from "node:module";
import puppeteer from "puppeteer-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const site = resolve(process.argv[2] ?? "site");
const shots = process.argv[3] ? resolve(process.argv[3]) : null;
const chromium = process.env.CHROMIUM ?? "/usr/bin/chromium";

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"],
});
let failures = 0;
const fail = (what) => {
  failures += 1;
  console.log(`FOUT  ${what}`);
};

try {
  const page = await browser.newPage();
  // Nothing may be fetched from elsewhere: every request must be a file of the site.
  page.on("request", (r) => {
    if (!r.url().startsWith("file://") && !r.url().startsWith("data:")) fail(`verzoek naar ${r.url()}`);
  });
  const pages = readdirSync(site).filter((f) => f.endsWith(".html")).sort();
  for (const name of pages) {
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`file://${join(site, name)}`, { waitUntil: "load" });
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () =>
      // eslint-disable-next-line no-undef
      axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
    );
    if (result.violations.length > 0) {
      for (const v of result.violations) {
        fail(`${name}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.length}× bijv. ${v.nodes[0].target.join(" ")}`);
      }
    } else {
      console.log(`ok    ${name}: axe 0 overtredingen (${result.passes.length} regels geslaagd)`);
    }
    // Reflow: nothing wider than a 320 px screen, and 400% zoom of a 1280 × 720 screen (a
    // 320 × 180 CSS px viewport drawn at 4 device pixels per CSS pixel).
    for (const [width, height, scale] of [[320, 800, 1], [320, 180, 4]]) {
      await page.setViewport({ width, height, deviceScaleFactor: scale });
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      if (wide > width) fail(`${name}: ${wide} px breed op ${width} px (zoom ${scale * 100}%)`);
    }
    await page.setViewport({ width: 1280, height: 900, deviceScaleFactor: 1 });
  }

  // A folder without a start page (the jaarverslag alone) has no walk to take.
  const walk = pages.includes("index.html");
  let childFile = "";
  let childTitle = "";
  if (walk) {
  // The keyboard walk: Tab lands on the skip link, which leads into the content; Tab on to
  // the first child of the first sector (Koers 1.1), Enter opens it; on its page Tab to the
  // crumb of its sector (Hoofddoel 1), Enter goes there. Names come from the start page's
  // list, so any compass walks.
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`file://${join(site, "index.html")}`, { waitUntil: "load" });
  const [sectorName, childName, sectorFile] = await page.evaluate(() => {
    const sector = document.querySelector("ol.indeling > li > a");
    const child = document.querySelector("ol.indeling > li > ol > li > a");
    return [
      sector.textContent.split(":")[0].trim(),
      child.textContent.split(":")[0].trim(),
      sector.getAttribute("href"),
    ];
  });
  [childFile, childTitle] = await page.evaluate(() => {
    const a = document.querySelector("ol.indeling > li > ol > li > a");
    return [a.getAttribute("href"), a.textContent.split(":").slice(1).join(":").trim()];
  });
  const focused = () => page.evaluate(() => (document.activeElement?.getAttribute("aria-label") || document.activeElement?.textContent || "").trim());
  await page.keyboard.press("Tab");
  if ((await focused()) !== "Naar de inhoud") fail(`eerste Tab: ${await focused()}`);
  await page.keyboard.press("Enter");
  let found = false;
  for (let i = 0; i < 80 && !found; i++) {
    await page.keyboard.press("Tab");
    found = (await focused()).startsWith(`${childName}:`);
  }
  if (!found) fail(`met Tab niet bij ${childName} gekomen`);
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  if (!page.url().endsWith(childFile)) fail(`Enter op ${childName} opende ${page.url()}`);
  found = false;
  for (let i = 0; i < 40 && !found; i++) {
    await page.keyboard.press("Tab");
    found = (await focused()) === sectorName;
  }
  if (!found) fail(`met Tab niet bij het kruimelpad (${sectorName}) gekomen`);
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  if (!page.url().endsWith(sectorFile)) fail(`Enter op ${sectorName} opende ${page.url()}`);
  else console.log(`ok    toetsenbord: overslaan, ${childName}, terug naar ${sectorName}`);
  }

  // Search without a server: a word from the first koers's title finds it, with a link to
  // its page, and the live count says how many were found.
  if (walk) {
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`file://${join(site, "zoeken.html")}`, { waitUntil: "load" });
    const word = childTitle.split(/\s+/).filter((w) => w.length > 4)[0] ?? childTitle;
    await page.type("#zoekveld", word);
    await page.waitForFunction(() => document.querySelectorAll("#resultaten li").length > 0, { timeout: 5000 }).catch(() => {});
    const [hits, count, hrefs] = await page.evaluate(() => [
      document.querySelectorAll("#resultaten li").length,
      document.getElementById("aantal").textContent,
      Array.from(document.querySelectorAll("#resultaten a")).map((a) => a.getAttribute("href")),
    ]);
    if (hits === 0 || !/gevonden/.test(count)) fail(`zoeken naar "${word}": ${hits} treffers, "${count}"`);
    else if (!hrefs.includes(childFile)) fail(`zoeken naar "${word}" vindt ${childFile} niet`);
    else console.log(`ok    zoeken naar "${word}": ${count}`);
  }

  if (shots && walk) {
    mkdirSync(shots, { recursive: true });
    for (const name of ["index", childFile.replace(/\.html$/, ""), "begrippen", "zoeken", "toegankelijkheid"]) {
      for (const width of [1280, 375]) {
        await page.setViewport({ width, height: 900 });
        await page.goto(`file://${join(site, `${name}.html`)}`, { waitUntil: "load" });
        await page.screenshot({ path: join(shots, `${name}-${width}.png`) });
      }
    }
    // Print: the koers page as the print style sheet lays it out.
    await page.setViewport({ width: 800, height: 1100 });
    await page.goto(`file://${join(site, childFile)}`, { waitUntil: "load" });
    await page.emulateMediaType("print");
    await page.screenshot({ path: join(shots, "afdruk.png"), fullPage: true });
    await page.emulateMediaType(null);
    // 400% zoom of a 1280 × 720 screen.
    await page.setViewport({ width: 320, height: 180, deviceScaleFactor: 4 });
    await page.goto(`file://${join(site, childFile)}`, { waitUntil: "load" });
    await page.screenshot({ path: join(shots, "zoom-400.png") });
    console.log(`ok    schermafdrukken in ${shots}`);
  }
} finally {
  await browser.close();
}
console.log(failures === 0 ? "website: alles geslaagd" : `website: ${failures} fouten`);
process.exit(failures === 0 ? 0 : 1);
