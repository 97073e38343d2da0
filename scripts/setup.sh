#!/usr/bin/env bash
# Installs what gongwen needs on Debian/Ubuntu: Chromium to print, the free
# stand-in fonts for the GB/T 9704 font slots (scripts/fonts/slots.ts),
# fontTools to convert them to TrueType outlines, the checkers the tests use
# (epubcheck, poppler, mupdf, qpdf, calibre), then the npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  chromium                      # prints the PDF (puppeteer finds /usr/bin/chromium)
  fontconfig                    # fc-list / fc-scan find the font files
  python3-fonttools             # subset and convert CFF fonts to TrueType outlines
  fonts-noto-cjk                # 小标宋 and 黑体 stand-ins (Noto Serif/Sans CJK SC)
  texlive-lang-chinese          # FandolFang: the free 仿宋 stand-in
  fonts-arphic-gkai00mp         # AR PL KaitiM GB: 楷体 stand-in
  fonts-lxgw-wenkai             # LXGW WenKai: 楷体 for characters outside GB 2312
  fonts-arphic-ukai
  fonts-arphic-gbsn00lp         # AR PL SungtiL GB: 宋体 stand-in (page numbers)
  fonts-wqy-zenhei              # 黑体 fallback
  fonts-liberation              # Liberation Serif: Times New Roman's metric twin
  epubcheck                     # validates every EPUB
  poppler-utils                 # pdftotext, pdffonts, pdfinfo, pdftoppm
  mupdf-tools                   # mutool: glyph positions
  qpdf
  calibre                       # ebook-convert: a real e-reader engine for the EPUB tests
)

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update
"${as_root[@]}" apt-get install -y --no-install-recommends "${packages[@]}"
npm ci
