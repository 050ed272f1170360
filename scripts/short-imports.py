#!/usr/bin/env python3
"""Gives the main module's imports from the glue short names, in the module and in the glue.

wasm-bindgen names each import after what it calls and a 16-hex-digit hash (e.g.
`__wbg_appendChild_dbf7ad2f48413560`), written once in the module and once in the glue: about
270 of them, whose hashes brotli cannot shrink (measured: 4.4 kB of the first visit). Each
becomes the shortest free name ("a", "b", ... "ba", ...), the same in both.

Usage: scripts/short-imports.py MODULE.wasm GLUE.js (both rewritten in place)
"""
import re, string, sys

wasm_path, glue_path = sys.argv[1:]
wasm, glue = open(wasm_path, "rb").read(), open(glue_path).read()
GLUE = "./m_bg.js"  # wasm-bindgen's module of imports (split-dist.sh's STEM)


def leb(b, i):
    n = shift = 0
    while True:
        x = b[i]
        i += 1
        n |= (x & 0x7F) << shift
        shift += 7
        if x < 0x80:
            return n, i


def uleb(n):
    out = bytearray()
    while True:
        x = n & 0x7F
        n >>= 7
        out.append(x | (0x80 if n else 0))
        if not n:
            return bytes(out)


def name(b, i):
    n, i = leb(b, i)
    return b[i : i + n].decode(), i + n


def desc_end(b, i):
    """The end of an import's description (its kind and type) starting at i."""
    kind = b[i]
    i += 1
    if kind == 0:  # function: a type index
        return leb(b, i)[1]
    if kind == 1:  # table: a reference type, then limits
        i += 1
    if kind in (1, 2):  # limits: a flag, a minimum, a maximum when the flag says so
        flag = b[i]
        _, i = leb(b, i + 1)
        return leb(b, i)[1] if flag & 1 else i
    if kind == 3:  # global: a value type and mutability
        return i + 2
    sys.exit(f"short-imports: an import of unknown kind {kind}")


def short_names():
    first, rest = string.ascii_letters + "_$", string.ascii_letters + string.digits + "_$"
    for c in first:
        yield c
    for c in first:
        for d in rest:
            yield c + d


assert wasm[:8] == b"\0asm\x01\0\0\0", "short-imports: not a wasm module"
out, i, renamed = bytearray(wasm[:8]), 8, {}
while i < len(wasm):
    sid = wasm[i]
    size, start = leb(wasm, i + 1)
    end = start + size
    if sid == 2:
        count, j = leb(wasm, start)
        body, names = bytearray(uleb(count)), short_names()
        for _ in range(count):
            module, j = name(wasm, j)
            field, j = name(wasm, j)
            k = desc_end(wasm, j)
            if module == GLUE:
                renamed[field] = new = next(names)
                module, field = "w", new
            for s in (module, field):
                body += uleb(len(s.encode())) + s.encode()
            body += wasm[j:k]
            j = k
        out += bytes([2]) + uleb(len(body)) + body
    else:
        out += wasm[i:end]
    i = end

# The glue: the imports' object is keyed by the module's name, each import once by its name.
if glue.count(f'"{GLUE}":') != 1:
    sys.exit(f"short-imports: expected one \"{GLUE}\" key in the glue")
glue = glue.replace(f'"{GLUE}":', '"w":')
for old, new in renamed.items():
    found = len(re.findall(rf"(?<![\w$]){re.escape(old)}(?![\w$])", glue))
    if found != 1:
        sys.exit(f"short-imports: {old} is written {found} times in the glue, not once")
    glue, n = re.subn(rf"([{{,]){re.escape(old)}:", rf"\g<1>{new}:", glue)
    if n != 1:
        sys.exit(f"short-imports: {old} is not a key of the glue's imports")
open(wasm_path, "wb").write(out)
open(glue_path, "w").write(glue)
print(f"short-imports: {len(renamed)} imports renamed")
