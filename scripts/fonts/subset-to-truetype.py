"""Subset font faces to the characters a document uses and write them with
TrueType (glyf) outlines. Chromium embeds CFF outlines as Type 3 fonts whose
text layer is wrong, so every font reaches the browser through this script.

Reads a JSON list of jobs on stdin, each {"font", "face", "chars", "out"},
and prints a JSON list of results, each {"missing", "name"}: the characters
the face does not cover (the caller sends them to the slot's next font) and
the face's PostScript name.
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


def subset_job(path: str, face_index: int, text: str, out: str) -> dict:
    # The source face's own modified date, not today's: the same input gives the same bytes.
    font = TTFont(path, fontNumber=face_index, lazy=True, recalcTimestamp=False)
    name = font["name"].getDebugName(6) or font["name"].getDebugName(4) or ""
    cmap = font.getBestCmap()
    wanted = sorted({ord(c) for c in text if c not in "\n\r\t"})
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
    return {"missing": "".join(missing), "name": name}


def main() -> None:
    jobs = json.load(sys.stdin)
    results = [subset_job(j["font"], int(j["face"]), j["chars"], j["out"]) for j in jobs]
    json.dump(results, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
