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
