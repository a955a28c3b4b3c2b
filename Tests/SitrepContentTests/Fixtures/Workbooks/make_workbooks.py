#!/usr/bin/env python3
"""Writes the workbooks WorkbookReaderTests reads (run it here: python3 make_workbooks.py).

They are made by openpyxl, as a real producer writes them, then edited the way Excel writes
them where openpyxl does not: text as shared strings (openpyxl writes inline strings), a
formula's saved value, an error value. The .xlsx files are committed, so the tests never need
Python or openpyxl.
"""
import datetime
import io
import re
import zipfile

from openpyxl import Workbook
from openpyxl.styles import PatternFill


def patched(path, part, replacements):
    """Rewrites `part` of the workbook at `path`, each (pattern, replacement) once."""
    def edit(parts):
        text = parts[part].decode("utf-8")
        for pattern, replacement in replacements:
            text, count = re.subn(pattern, replacement, text, count=1)
            assert count == 1, (path, pattern)
        parts[part] = text.encode("utf-8")
        return parts
    edited(path, edit)


def edited(path, edit):
    """Rewrites the parts of the workbook at `path`: `edit` takes and returns {name: bytes}."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    parts = edit(parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    with open(path, "wb") as file:
        file.write(out.getvalue())


def shared_strings(path, keep_inline=()):
    """Moves the text of every sheet's inline strings to xl/sharedStrings.xml, as Excel stores
    text, except in the cells of the first sheet named in `keep_inline`."""
    def edit(parts):
        strings = []
        for name in sorted(parts):
            if not name.startswith("xl/worksheets/sheet"):
                continue
            def share(match):
                cell, style, text = match.groups()
                if name == "xl/worksheets/sheet1.xml" and cell in keep_inline:
                    return match.group(0)
                if text not in strings:
                    strings.append(text)
                return '<c r="%s"%s t="s"><v>%d</v></c>' % (cell, style or "", strings.index(text))
            parts[name] = re.sub(r'<c r="([A-Z]+\d+)"( s="\d+")? t="inlineStr"><is><t>([^<]*)</t></is></c>',
                                 share, parts[name].decode("utf-8")).encode("utf-8")
        items = "".join('<si><t xml:space="preserve">%s</t></si>' % text for text in strings)
        parts["xl/sharedStrings.xml"] = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                                         'count="%d" uniqueCount="%d">%s</sst>' % (len(strings), len(strings), items)).encode()
        rels = parts["xl/_rels/workbook.xml.rels"].decode()
        parts["xl/_rels/workbook.xml.rels"] = rels.replace("</Relationships>", (
            '<Relationship Id="rIdStrings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
            'Target="sharedStrings.xml"/></Relationships>')).encode()
        types = parts["[Content_Types].xml"].decode()
        parts["[Content_Types].xml"] = types.replace("</Types>", (
            '<Override PartName="/xl/sharedStrings.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')).encode()
        return parts
    edited(path, edit)


def cells():
    """Every kind of cell: shared and inline strings, a number stored as text, a formula with
    its saved value (and one whose value is a hair off a whole number), dates, a date and time,
    styled empty cells and rows past the table, and a second sheet."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Distributions"
    sheet.append(["region", "day", "item", "beneficiaries"])
    sheet.append(["Gomel", datetime.date(2022, 6, 9), "Food kit", 49])
    sheet.append(["Gomel", datetime.date(2022, 6, 9), "Hygiene kit", "50"])
    sheet.append(["Minsk", datetime.date(2022, 6, 8), "Clothes", "=20+4"])
    sheet.append(["Minsk", datetime.datetime(2022, 6, 8, 14, 30), "Transport", "=0.1*60"])
    sheet["B5"].number_format = "dd/mm/yyyy hh:mm"
    # Formatting past the table: an empty styled cell and a tall empty row, as Excel keeps them.
    sheet["H20"].fill = PatternFill("solid", fgColor="FFFF00")
    sheet.row_dimensions[30].height = 30
    book.create_sheet("Notes")["A1"] = "Figures from the field office"
    book.save("cells.xlsx")
    shared_strings("cells.xlsx", keep_inline={"A3"})
    patched("cells.xlsx", "xl/worksheets/sheet1.xml", [
        (r'<c r="D4"><f>20\+4</f><v ?/>', '<c r="D4"><f>20+4</f><v>24</v>'),
        (r'<c r="D5"><f>0.1\*60</f><v ?/>', '<c r="D5"><f>0.1*60</f><v>6.0000000000000009</v>'),
    ])


def layout():
    """A table that does not start at A1, beside a hidden first sheet; a region merged down its
    rows; a hidden row and a hidden column; a second table on another sheet."""
    book = Workbook()
    lookup = book.active
    lookup.title = "Lookup"
    lookup.sheet_state = "hidden"
    lookup["A1"] = "not the table"
    sheet = book.create_sheet("Assessments")
    sheet["B2"], sheet["C2"], sheet["D2"] = "region", "district", "count"
    rows = [("Gomel", "Gomel", 120), (None, "Mozyr", 21), ("Minsk", "Minsk", 46), ("Brest", "Pinsk", 8)]
    for offset, (region, district, count) in enumerate(rows):
        row = 3 + offset
        if region:
            sheet.cell(row=row, column=2, value=region)
        sheet.cell(row=row, column=3, value=district)
        sheet.cell(row=row, column=4, value=count)
    sheet.merge_cells("B3:B4")
    sheet.row_dimensions[6].hidden = True
    sheet.column_dimensions["C"].hidden = True
    brest = book.create_sheet("Brest")
    brest.append(["district", "count"])
    brest.append(["Pinsk", 8])
    book.save("layout.xlsx")
    shared_strings("layout.xlsx")


def arrivals(path, rows, merge=None):
    """A workbook whose one sheet, 'Arrivals', holds `rows`, with `merge` merged; text as shared strings."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Arrivals"
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    book.save(path)
    shared_strings(path)


def merged_header():
    """Two columns under one merged header cell."""
    arrivals("merged-header.xlsx", [["nationality", "count", None], ["Ukraine", 10, 12]], merge="B1:C1")


def unsaved_formula():
    """A formula as openpyxl writes it: without the value Excel would save."""
    arrivals("unsaved-formula.xlsx", [["nationality", "count"], ["Ukraine", 31176], ["Belarus", "=900+2"]])


def error_value():
    """A formula whose saved value is an error, as Excel writes it."""
    arrivals("error-value.xlsx", [["nationality", "count"], ["Ukraine", "=1/0"]])
    patched("error-value.xlsx", "xl/worksheets/sheet1.xml", [
        (r'<c r="B2"><f>1/0</f><v ?/>', '<c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v>'),
    ])


def corrupt():
    """A workbook cut short, as an interrupted download leaves it."""
    with open("cells.xlsx", "rb") as file:
        data = file.read()
    with open("corrupt.xlsx", "wb") as file:
        file.write(data[: len(data) // 2])


def understated():
    """A sheet of 3,000 rows whose zip headers say it unpacks to 1,000 bytes, as a zip bomb
    that hides its size does."""
    arrivals("understated.xlsx", [["nationality", "count"]] + [["Ukraine", row] for row in range(3000)])
    with open("understated.xlsx", "rb") as file:
        data = bytearray(file.read())
    name = b"xl/worksheets/sheet1.xml"
    local = data.find(b"PK\x03\x04")
    while local >= 0:
        if data[local + 30:local + 30 + len(name)] == name:
            data[local + 22:local + 26] = (1000).to_bytes(4, "little")
        local = data.find(b"PK\x03\x04", local + 4)
    central = data.find(b"PK\x01\x02")
    while central >= 0:
        if data[central + 46:central + 46 + len(name)] == name:
            data[central + 24:central + 28] = (1000).to_bytes(4, "little")
        central = data.find(b"PK\x01\x02", central + 4)
    with open("understated.xlsx", "wb") as file:
        file.write(bytes(data))


if __name__ == "__main__":
    cells()
    layout()
    merged_header()
    unsaved_formula()
    error_value()
    corrupt()
    understated()
