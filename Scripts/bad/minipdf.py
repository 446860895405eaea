"""A tiny PDF writer for the bad-input corpus: just enough to make valid (and deliberately odd) files
with the standard 14 fonts, no dependencies."""
import zlib


def build(objects, root=1, trailer_extra=b""):
    """objects: list of bytes, object k+1 = objects[k]. Returns a complete PDF with a correct xref."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, trailer_extra, xref)
    return bytes(out)


def stream(data, compress=False, extra=b""):
    if compress:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def pages_pdf(page_count, content, with_font=True, media=b"[0 0 595 842]", compress=False):
    """page_count pages that all share one content stream (cheap however many pages)."""
    # 1 catalog, 2 pages, 3 font, 4 content, 5.. pages
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(page_count))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, page_count),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        stream(content, compress=compress),
    ]
    res = b"/Resources << /Font << /F1 3 0 R >> >> " if with_font else b""
    for _ in range(page_count):
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox %s %s/Contents 4 0 R >>" % (media, res))
    return build(objs)


def text_content(lines):
    parts = []
    y = 780
    for line in lines:
        esc = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        parts.append("BT /F1 12 Tf 72 %d Td (%s) Tj ET" % (y, esc))
        y -= 18
    return "\n".join(parts).encode("latin-1")
