/// The Python program sitrep runs with WeasyPrint's interpreter: one process that renders every
/// report of a build (importing WeasyPrint costs about half a second; a page costs less).
///
/// It reads requests from standard input, each a header line `KIND<TAB>PATH<TAB>SIZE<TAB>DATE`
/// followed by SIZE bytes: `asset` files (the stylesheet, images of `templates/assets/`) are kept
/// in memory; a `page` (a report's HTML, at PATH in the site) is rendered to PDF with DATE
/// (`YYYY-MM-DD`) as its creation and modification date. Each request for a page is answered
/// on standard output with `ok SIZE` or `error SIZE`, a line end, then SIZE bytes: the PDF or the
/// message. At start it answers `ok 0` once WeasyPrint is imported, or `error` if it cannot be.
///
/// Resources are fetched from the assets sent, under a made-up origin that no page can reach:
/// nothing is read from the disk or the network. `SOURCE_DATE_EPOCH` is set for each page, so
/// the fonts WeasyPrint subsets (whose `head` table holds a time) are byte-stable.
///
/// Lines with right-to-left text have their glyphs mapped to text by the driver before WeasyPrint
/// draws them (WeasyPrint 57 maps them wrongly), so that Arabic PDFs can be searched and copied;
/// other lines are left to WeasyPrint. See docs/design.md, "PDFs".
enum PDFDriver {
    static let source = #"""
import datetime, io, logging, mimetypes, os, sys, urllib.parse
inp, out = sys.stdin.buffer, sys.stdout.buffer
def answer(status, data):
    out.write(b"%s %d\n" % (status, len(data)))
    out.write(data)
    out.flush()
try:
    from weasyprint import HTML
except Exception as error:
    answer(b"error", ("cannot import WeasyPrint: %s" % error).encode())
    sys.exit(0)
logging.getLogger("weasyprint").setLevel(logging.CRITICAL)
def map_right_to_left_glyphs():
    # WeasyPrint 57 gives each glyph the text between the previous glyph's cluster and the next
    # one's, which only holds left to right: in a line with a right-to-left run every glyph gets
    # the wrong text (Kozea/WeasyPrint issues 1686 and 2841). Such a line's glyphs are mapped here
    # first, to their own cluster's text; WeasyPrint keeps a glyph's first mapping. A cluster of
    # as many glyphs as characters maps one to one (a letter and its mark), else its first glyph
    # takes it all (a ligature). Right-to-left text is mapped in the glyphs' (visual) order, as
    # readers that put the glyphs of a line back in reading order expect it (lam-alef: "ال").
    try:
        import weasyprint.draw as draw
        from weasyprint.text.ffi import ffi, pango
        draw_first_line = draw.draw_first_line
    except (ImportError, AttributeError):
        return
    def runs_of(textbox):
        line, _ = textbox.pango_layout.get_first_line()
        run = line.runs[0]
        while run != ffi.NULL:
            yield run.data
            run = run.next
    def map_run(stream, text, run):
        glyphs, item = run.glyphs, run.item
        clusters = {}
        for index in range(glyphs.num_glyphs):
            glyph = glyphs.glyphs[index].glyph
            members = clusters.setdefault(glyphs.log_clusters[index], [])
            if glyph != pango.PANGO_GLYPH_EMPTY and not glyph & pango.PANGO_GLYPH_UNKNOWN_FLAG:
                members.append(glyph)
        starts = sorted(clusters)
        font = stream.add_font(item.analysis.font)
        for start, end in zip(starts, starts[1:] + [item.length]):
            characters = text[item.offset + start:item.offset + end].decode()
            if item.analysis.level % 2:
                characters = characters[::-1]
            members = clusters[start]
            if members and len(characters) != len(members):
                characters = [characters] + [""] * (len(members) - 1)
            for glyph, character in zip(members, characters):
                font.cmap.setdefault(glyph, character)
    def mapped_first_line(stream, textbox, *rest, **options):
        try:
            runs = list(runs_of(textbox))
            if any(run.item.analysis.level % 2 for run in runs):
                text = textbox.pango_layout.text.encode()
                for run in runs:
                    map_run(stream, text, run)
        except Exception:
            pass  # another WeasyPrint's internals: draw the line as WeasyPrint maps it
        return draw_first_line(stream, textbox, *rest, **options)
    draw.draw_first_line = mapped_first_line
map_right_to_left_glyphs()
ORIGIN = "https://sitrep.invalid/"
assets = {}
def fetch(url):
    path = urllib.parse.unquote(urllib.parse.urlsplit(url).path.lstrip("/"))
    if not url.startswith(ORIGIN) or path not in assets:
        raise ValueError("not one of the site's assets: " + url)
    return {"string": assets[path], "mime_type": mimetypes.guess_type(path)[0] or "application/octet-stream",
            "redirected_url": url}
answer(b"ok", b"")
while True:
    header = inp.readline()
    if not header:
        break
    kind, path, size, date = header.decode().rstrip("\n").split("\t")
    data = inp.read(int(size))
    if kind == "asset":
        assets[path] = data
        continue
    try:
        year, month, day = (int(part) for part in date.split("-"))
        moment = datetime.datetime(year, month, day, tzinfo=datetime.timezone.utc)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(moment.timestamp()))
        document = HTML(file_obj=io.BytesIO(data), encoding="utf-8", base_url=ORIGIN + path, url_fetcher=fetch).render()
        document.metadata.created = document.metadata.modified = date
        answer(b"ok", document.write_pdf())
    except Exception as error:
        answer(b"error", str(error).encode())
"""#
}
