// The partner's invitation page in a real browser, used as a partner would: open the file,
// answer two inspanningen by keyboard only, reload and find the answers still there, save
// the reaction file (downloaded into OUT_DIR), with axe-core (0 violations), reflow at 320 px
// and 400 % zoom, nothing fetched, no script from the data run. Screenshots to SHOT_DIR.
//
//   node tools/browser/invitation.mjs INVITATION.html OUT_DIR [SHOT_DIR]
import { readFileSync, readdirSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";
import puppeteer from "puppeteer-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const file = resolve(process.argv[2]);
const out = resolve(process.argv[3]);
const shots = process.argv[4] ? resolve(process.argv[4]) : null;
const url = `file://${file}`;
mkdirSync(out, { recursive: true });

let failures = 0;
const fail = (what) => {
  failures += 1;
  console.log(`FOUT  ${what}`);
};
const ok = (what) => console.log(`ok    ${what}`);

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  const page = await browser.newPage();
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith("file://") && !u.startsWith("blob:") && !u.startsWith("data:")) fail(`verzoek naar ${u}`);
  });
  page.on("dialog", async (d) => {
    fail(`een script uit de gegevens liep: ${d.message()}`);
    await d.dismiss();
  });
  page.on("pageerror", (e) => fail(`fout in het script: ${e.message}`));
  const cdp = await page.createCDPSession();
  await cdp.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: out, eventsEnabled: true });

  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(url, { waitUntil: "load" });
  // A fresh start: nothing kept from an earlier run of this test.
  await page.evaluate(() => localStorage.clear());
  await page.reload({ waitUntil: "load" });

  // The page's policy allows no other script: axe goes in through DevTools, which it obeys.
  await page.evaluate(axeSource);
  const axe = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
  );
  if (axe.violations.length > 0) {
    for (const v of axe.violations) fail(`axe: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.length}× bijv. ${v.nodes[0].target.join(" ")}`);
  } else ok(`axe 0 overtredingen (${axe.passes.length} regels geslaagd)`);
  for (const [width, height, scale] of [[320, 800, 1], [320, 180, 4]]) {
    await page.setViewport({ width, height, deviceScaleFactor: scale });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    if (wide > width) fail(`${wide} px breed op ${width} px (zoom ${scale * 100}%)`);
  }
  await page.setViewport({ width: 1280, height: 900, deviceScaleFactor: 1 });
  await page.reload({ waitUntil: "load" });

  // Keyboard only: Tab to the skip link, Enter, Tab to the name; then Tab on to the first
  // two inspanningen's reaction fields.
  const active = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim() || "");
  const tabTo = async (id, limit = 80) => {
    for (let i = 0; i < limit; i++) {
      if ((await active()) === id) return true;
      await page.keyboard.press("Tab");
    }
    return (await active()) === id;
  };
  await page.keyboard.press("Tab");
  if ((await active()) !== "Naar de vragen") fail(`eerste Tab: ${await active()}`);
  await page.keyboard.press("Enter");
  if (!(await tabTo("naam"))) fail("met Tab niet bij ‘Uw naam’");
  await page.keyboard.type("Piet de Vries");
  if (!(await tabTo("r0-note"))) fail("met Tab niet bij de eerste reactie");
  await page.keyboard.type("Loopt goed; \"tien\" buurten\\wijken bereikt.");
  await page.keyboard.press("Tab");
  if ((await active()) !== "r0-status") fail(`na de reactie: ${await active()}`);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  if (!(await tabTo("r1-note"))) fail("met Tab niet bij de tweede reactie");
  await page.keyboard.type("Nog niet begonnen <b>wel</b> gepland.");
  const status0 = await page.$eval("#r0-status", (s) => s.value);
  if (!status0) fail("de status is met de pijltjes niet gekozen");
  const counted = await page.$eval("#teller", (p) => p.textContent);
  if (!counted.startsWith("2 van ")) fail(`teller: ${counted}`);
  else ok(`met het toetsenbord twee reacties ingevuld (status "${status0}"); teller: ${counted}`);

  // Reload: the answers are still there.
  await page.reload({ waitUntil: "load" });
  const kept = await page.evaluate(() => [
    document.getElementById("naam").value,
    document.getElementById("r0-note").value,
    document.getElementById("r0-status").value,
    document.getElementById("r1-note").value,
    document.getElementById("teller").textContent,
  ]);
  if (kept[0] !== "Piet de Vries" || !kept[1].includes("tien") || kept[2] !== status0 || !kept[3].includes("<b>wel</b>") || !kept[4].startsWith("2 van ")) {
    fail(`na herladen: ${JSON.stringify(kept)}`);
  } else ok("na herladen staat alles er nog");

  // Save by keyboard: Tab to the button, Enter (Ctrl+S when the page is long); the file
  // lands in OUT_DIR.
  const many = await page.$$eval("section.item", (s) => s.length);
  if (many <= 10) {
    if (!(await tabTo("opslaan", 200))) fail("met Tab niet bij ‘Reactie opslaan’");
    await page.keyboard.press("Enter");
  } else {
    await page.keyboard.down("Control");
    await page.keyboard.press("s");
    await page.keyboard.up("Control");
  }
  let saved = [];
  for (let i = 0; i < 50 && saved.length === 0; i++) {
    await new Promise((r) => setTimeout(r, 100));
    saved = readdirSync(out).filter((f) => f.endsWith(".kompas-reactie"));
  }
  const said = await page.$eval("#bericht", (p) => p.textContent);
  if (saved.length !== 1) fail(`opgeslagen bestanden: ${saved}`);
  else if (!said.includes("Stuur dit bestand terug")) fail(`bericht: ${said}`);
  else ok(`opgeslagen: ${saved[0]}; "${said}"`);

  if (shots) {
    mkdirSync(shots, { recursive: true });
    for (const width of [1280, 375]) {
      await page.setViewport({ width, height: 900 });
      await page.goto(url, { waitUntil: "load" });
      await page.screenshot({ path: join(shots, `uitnodiging-${width}.png`) });
    }
    await page.setViewport({ width: 800, height: 1100 });
    await page.emulateMediaType("print");
    await page.screenshot({ path: join(shots, "uitnodiging-afdruk.png"), fullPage: true });
    ok(`schermafdrukken in ${shots}`);
  }
} finally {
  await browser.close();
}
console.log(failures === 0 ? "uitnodiging: alles geslaagd" : `uitnodiging: ${failures} fouten`);
process.exit(failures === 0 ? 0 : 1);
