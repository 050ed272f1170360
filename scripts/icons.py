#!/usr/bin/env python3
"""Draws the app's icons (src/icons/*.png): stems as bars of five heights, light on the accent
colour. Run by hand when the design changes (`python3 scripts/icons.py`); the PNGs are kept in
the repository. Plain zlib: the icons are flat shapes, no image library is needed.

icon-32.png (the page's icon), icon-192.png and icon-512.png fill the square with rounded corners; maskable-512.png fills it
whole and keeps the bars inside the middle 80 % (the safe zone a mask may cut to).
"""
import os, struct, zlib

ACCENT = (0x27, 0x46, 0xC7)
BARS = (0.45, 0.8, 1.0, 0.65, 0.35)  # heights, of the bars' box
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "icons")


def png(path, size, pixel):
    rows = b"".join(b"\0" + b"".join(bytes(pixel(x, y, size)) for x in range(size)) for y in range(size))
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def draw(corner, box):
    """A pixel function: a square with rounded corners (`corner`, a share of the size) holding
    the bars within the middle `box` share."""
    def pixel(x, y, size):
        r = corner * size
        cx, cy = min(max(x + 0.5, r), size - r), min(max(y + 0.5, r), size - r)
        if (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 > r * r:
            return (0, 0, 0, 0)
        left, width = size * (1 - box) / 2, size * box
        slot = width / len(BARS)
        i = int((x - left) // slot) if left <= x < left + width else -1
        if i >= 0 and slot * 0.2 <= (x - left) - i * slot < slot * 0.8:
            half = BARS[i] * width / 2
            if abs(y + 0.5 - size / 2) <= half:
                return (255, 255, 255, 255)
        return ACCENT + (255,)
    return pixel


os.makedirs(OUT, exist_ok=True)
png(f"{OUT}/icon-32.png", 32, draw(0.18, 0.7))  # the tab's icon: small, as every first visit fetches it
png(f"{OUT}/icon-192.png", 192, draw(0.18, 0.6))
png(f"{OUT}/icon-512.png", 512, draw(0.18, 0.6))
png(f"{OUT}/maskable-512.png", 512, draw(0.0, 0.5))
