# Sourced by the browser tests (tools/site-test.sh, tools/invitation-test.sh) from the
# repository's root: sets BIN to KOMPAS_BIN or a fresh release build, and installs the npm
# packages from tools/browser/package-lock.json when they are missing.
BIN=${KOMPAS_BIN:-}
if [ -z "$BIN" ]; then
    cargo build --release --quiet
    BIN=target/release/kompas
fi
if [ ! -d tools/browser/node_modules/puppeteer-core ]; then
    (cd tools/browser && npm ci --no-audit --no-fund --silent)
fi
