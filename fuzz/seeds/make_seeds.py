#!/usr/bin/env python3
"""Writes the committed seed corpora of the fuzz targets (fuzz/seeds/<target>/)
from the project's real inputs: the URL examples of src/state/url.rs and the
tests, typed numbers, a small manifest cut from assets/faces/manifest.json,
small PNGs of every colour type the atlas decoder accepts, and headers of
assets/net/weights.bin (the whole file is read from assets/net by
scripts/fuzz-short.sh). Run from the repository root; deterministic."""
import json, os, struct, zlib

root = os.path.join("fuzz", "seeds")

def put(target, name, data):
    d = os.path.join(root, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())

# URL scene state: the documented example, the tests' cases, hostile ones.
urls = [
    "a=0,0&p=0.5,0.5&n=-0.6,-0.38729832&alpha=0.2&dim=2&conv=squared&unit=0&ring=1&preset=worked-example&lang=vi&step=3",
    "a=0,5e-5,1&p=0.6,0.4,0&n=-0.7,-0.3,-1.25&alpha=0.2&dim=3&conv=squared&unit=0&ring=1&preset=start",
    "?preset=one-hard",
    "#a=0,0,1&p=0,1,0;0.6,0.8,0&n=1,0,0&dim=3&unit=1&conv=pytorch&ring=2&faces=a.12;p1.3;n1.40&lang=en",
    "a=1e30,-1e30&p=1e39,NaN&n=inf,0;0,-Infinity&alpha=1e30&dim=2",
    "a=%30,%2&p=+0.5+,0.5&alpha=&alpha=0.3&foo=bar&step=99999999999999999999",
    "preset=all-hard&conv=euclidean&ring=0&dim=3&unit=1&n=1e-45,0,0",
]
for i, u in enumerate(urls):
    put("url_state", f"url{i}", u)

# Numeric fields: first byte picks the range (0 coordinate, 1 alpha, 2 count).
for i, (r, t) in enumerate([(0, "0.25"), (1, " 0,5 "), (0, "−1.5"), (0, "1e30"), (1, "NaN"), (2, "64"), (0, "-0"), (1, "1e-45")]):
    put("number_field", f"num{i}", bytes([r]) + t.encode())

# Face manifest: two identities with all their shots, plus two broken ones.
with open(os.path.join("assets", "faces", "manifest.json")) as f:
    m = json.load(f)
m["identities"] = m["identities"][:2]
m["faces"] = [x for x in m["faces"] if x["identity"] < 2]
m["atlas_columns"] = 2
put("face_manifest", "two_identities.json", json.dumps(m, separators=(",", ":")))
put("face_manifest", "syntax_error.json", '{\n  "format_version": 1,\n  oops\n}')
put("face_manifest", "version2.json", '{"format_version": 2}')

# PNGs: grey, grey+alpha, RGB, RGBA, palette, 16-bit, 1-bit, interlaced.
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

def png(w, h, depth, colour, rows, interlace=0, plte=None):
    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, colour, 0, 0, interlace))
    if plte:
        out += chunk(b"PLTE", plte)
    out += chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
    return out

def raw(w, h, bytes_per_row):
    return b"".join(b"\x00" + bytes((x * 7 + y * 13) % 256 for x in range(bytes_per_row)) for y in range(h))

put("face_atlas", "grey8.png", png(8, 6, 8, 0, raw(8, 6, 8)))
put("face_atlas", "grey_alpha8.png", png(8, 6, 8, 4, raw(8, 6, 16)))
put("face_atlas", "rgb8.png", png(8, 6, 8, 2, raw(8, 6, 24)))
put("face_atlas", "rgba8.png", png(8, 6, 8, 6, raw(8, 6, 32)))
put("face_atlas", "rgb16.png", png(4, 4, 16, 2, raw(4, 4, 24)))
put("face_atlas", "grey1.png", png(16, 2, 1, 0, raw(16, 2, 2)))
put("face_atlas", "palette4.png", png(8, 4, 4, 3, b"".join(b"\x00" + bytes([0x01, 0x23, 0x01, 0x32]) for _ in range(4)),
                                     plte=bytes(range(12))))
# Adam7 interlaced 8×8 RGB: seven passes of sizes 1,1,2,2,4,4,8 pixels wide/high.
passes = [(1, 1), (1, 1), (2, 1), (2, 2), (4, 2), (4, 4), (8, 4)]
put("face_atlas", "rgb8_adam7.png", png(8, 8, 8, 2, b"".join(raw(pw, ph, pw * 3) for pw, ph in passes), interlace=1))

# Weight file: the real header (magic, version, tensor table) cut before the data.
with open(os.path.join("assets", "net", "weights.bin"), "rb") as f:
    weights = f.read()
put("weights_file", "header_only.bin", weights[:200])
put("weights_file", "magic_only.bin", weights[:8])

# Photos: size, MIME choice, 16-byte head, sizes and flags, crop, colour, pixels / name.
def photo(size, mime, head, w0, h0, flags, crop, colour, rest):
    head = (head + bytes(16))[:16]
    return (struct.pack("<Q", size) + bytes([mime]) + head + bytes([w0, 3, h0, 7, flags])
            + struct.pack("<ddd", *crop) + bytes(colour) + rest)

put("photo", "png_centred_uniform", photo(20_000, 0, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 48, 48, 1, (1.0, 0.0, 0.0), (200, 120, 90, 255), "Lan".encode()))
put("photo", "jpeg_zoom_offset", photo(300_000, 1, b"\xff\xd8\xff\xe0\0\x10JFIF\0", 64, 40, 0, (2.0, -1.0, 0.5), (0, 0, 0, 0), bytes(range(256)) * 4))
put("photo", "svg_refused", photo(40, 4, b"<svg xmlns=\"http", 5, 7, 2, (float("nan"), float("inf"), -1e300), (1, 2, 3, 4), " An  \t Nguyễn ".encode()))
put("photo", "empty_file", photo(0, 2, b"hello", 0, 9, 0, (4.0, 1.0, 1.0), (9, 9, 9, 9), b""))
put("photo", "webp_huge_zoom", photo(15 * 1024 * 1024, 3, b"RIFF\x24\0\0\0WEBPVP8 ", 79, 1, 1, (1e9, 0.25, -0.25), (255, 255, 255, 255), ("x" * 60).encode()))
