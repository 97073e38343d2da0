// Puppeteer downloads its own Chrome on install unless a system Chromium is
// present: machines without internet access (CI here) use Debian's chromium,
// everybody else still gets puppeteer's browser. scripts/render/browser.ts
// picks whichever exists at run time.
const { existsSync } = require('node:fs');
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].some(existsSync);
module.exports = { skipDownload: systemChromium || process.env.PUPPETEER_SKIP_DOWNLOAD === 'true' };
