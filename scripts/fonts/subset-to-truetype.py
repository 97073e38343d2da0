"""Subset one face of a font file to the given characters and write it with
TrueType (glyf) outlines. Chromium embeds CFF outlines as Type 3 fonts whose
text layer is wrong, so every font reaches the browser through this script.

usage: subset-to-truetype.py FONT FACE_INDEX CHARS_FILE OUT.ttf

Prints, as JSON, the characters of CHARS_FILE that the face does not cover,
so the caller can send them to the slot's next font.
"""
import json
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

# Maximum distance, in font units, between a cubic curve and its quadratic
# replacement: 1 unit of 1000 is far below a printed pixel at 16 pt.
MAX_ERR = 1.0


def cff_to_glyf(font: TTFont) -> None:
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                  "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                  "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["maxp"] = maxp
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 2.0
    font["post"].extraNames = []
    font["post"].mapping = {}
    font["post"].glyphOrder = glyph_order
    font.sfntVersion = "\x00\x01\x00\x00"


def main() -> None:
    path, face_index, chars_file, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    with open(chars_file, encoding="utf-8") as f:
        text = f.read()
    font = TTFont(path, fontNumber=face_index, lazy=True)
    cmap = font.getBestCmap()
    wanted = sorted({ord(c) for c in text if not c.isspace()})
    missing = [chr(u) for u in wanted if u not in cmap]
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[u for u in wanted if u in cmap])
    subsetter.subset(font)
    if "CFF " in font:
        cff_to_glyf(font)
    font.save(out)
    json.dump({"missing": "".join(missing)}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
