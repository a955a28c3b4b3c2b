import SitrepDiagnostics

/// A row of HXL hashtags (the Humanitarian Exchange Language, hxlstandard.org) right below a
/// table's header, as HDX and KoboToolbox exports have it: `#country`, `#affected+f`. It is
/// not data: ``HXLTaggedSource`` leaves it out of the rows and keeps the tags, and the table may
/// be named by them (`names: hxl`).
///
/// A row is one when every cell in it that is not blank is a hashtag and at least one is:
/// `#`, a letter, then letters, digits and `_`, then any number of attributes written `+` and
/// the same (spaces around them allowed, case ignored). An Excel error such as `#N/A` or
/// `#VALUE!` is not a hashtag, so a data row is never taken for one.
struct HXLRow {
    /// The tag of each column, normalised (lower case, no spaces: `#affected+f`); nil for a
    /// column without one.
    let tags: [String?]

    /// The hashtag row of `source`, if its first row is one.
    init?(_ source: some TableSource) {
        guard source.rowCount > 0 else { return nil }
        var tags: [String?] = []
        tags.reserveCapacity(source.header.count)
        for column in source.header.indices {
            let cell = source.cell(row: 0, column: column)
            if cell.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                tags.append(nil)
            } else if let tag = Self.normalisedTag(cell) {
                tags.append(tag)
            } else {
                return nil
            }
        }
        guard tags.contains(where: { $0 != nil }) else { return nil }
        self.tags = tags
    }

    /// `text` as a hashtag with its attributes, in lower case without spaces (`#Affected +F` is
    /// `#affected+f`); nil when it is not one.
    static func normalisedTag(_ text: String) -> String? {
        var result: [UInt8] = []
        var expectingName = true
        var inName = false
        var started = false
        for byte in text.utf8 {
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte
            let isLetter = lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
            let isNamePart = isLetter || (lower >= UInt8(ascii: "0") && lower <= UInt8(ascii: "9")) || lower == UInt8(ascii: "_")
            if lower == 0x20 || lower == 0x09 {
                inName = false
                continue
            }
            if !started {
                guard lower == UInt8(ascii: "#") else { return nil }
                started = true
            } else if lower == UInt8(ascii: "+") {
                guard !expectingName else { return nil }
                expectingName = true
            } else if expectingName {
                guard isLetter else { return nil }
                expectingName = false
                inName = true
            } else {
                guard isNamePart, inName else { return nil }
            }
            result.append(lower)
        }
        guard started, !expectingName else { return nil }
        return String(decoding: result, as: UTF8.self)
    }

    /// The column a name in series.yml means: the column of that hashtag when `name` is one
    /// (`#affected+f`), else the first column so named in `headers` (the names the table has,
    /// then those of the file's header).
    func column(named name: String, in headers: [String]...) -> Int? {
        if name.hasPrefix("#"), let tag = Self.normalisedTag(name) { return tags.firstIndex(of: tag) }
        return headers.lazy.compactMap { $0.firstIndex(of: name) }.first
    }
}

/// A column's HXL hashtag, kept with the table (``Table/hxlColumns``) and written to
/// `figures.json`.
public struct HXLColumn: Sendable, Equatable {
    /// The column's name in the file's header.
    public var column: String
    /// Its hashtag, normalised: `#affected+f`.
    public var tag: String

    public init(column: String, tag: String) {
        self.column = column
        self.tag = tag
    }
}

/// A table whose first row is a row of HXL hashtags (``HXLRow``), without that row. With
/// `names: hxl` its columns are named by their tags without the `#` (`#affected+f` names the
/// column `affected+f`), so that a table whose header is in another language has the same
/// figure names as any other with the same tags; a column without a tag keeps its header name.
struct HXLTaggedSource<Source: TableSource>: TableSource {
    let source: Source
    let tagRow: HXLRow
    let namesByTags: Bool
    let header: [String]

    /// `source` without its hashtag row; nil when it has none. Throws when naming by tags gives
    /// two columns one name.
    init?(_ source: Source, namesByTags: Bool) throws(DiagnosticError) {
        guard let row = HXLRow(source) else { return nil }
        self.source = source
        self.tagRow = row
        self.namesByTags = namesByTags
        guard namesByTags else {
            header = source.header
            return
        }
        let names = zip(source.header, row.tags).map { name, tag in tag.map { String($0.dropFirst()) } ?? name }
        var seen: [String: Int] = [:]
        var problems: [Diagnostic] = []
        for (position, name) in names.enumerated() {
            guard let first = seen[name] else {
                seen[name] = position
                continue
            }
            let cell = source.location(ofRow: 0, column: position)
            problems.append(Diagnostic(
                .error, at: cell.location,
                "with `names: hxl` two columns are named '\(name)': columns \(first + 1) and \(position + 1)",
                hint: "give the columns different hashtags, e.g. with an attribute (#adm1+name, #adm1+code), "
                    + "or leave one out with `ignore:` in series.yml",
                sourceLine: cell.sourceLine))
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
        header = names
    }

    /// The columns that have a tag, by their names in the file's header.
    var columns: [HXLColumn] {
        zip(source.header, tagRow.tags).compactMap { name, tag in tag.map { HXLColumn(column: name, tag: $0) } }
    }

    var file: String { source.file }
    var rowCount: Int { source.rowCount - 1 }
    func cell(row: Int, column: Int) -> String { source.cell(row: row + 1, column: column) }
    func key(row: Int, column: Int) -> String { source.key(row: row + 1, column: column) }
    func plainCount(row: Int, column: Int) -> Int? { source.plainCount(row: row + 1, column: column) }
    func position(ofRow row: Int) -> Int { source.position(ofRow: row + 1) }
    var headerPosition: Int { source.headerPosition }
    func describe(row: Int) -> String { source.describe(row: row + 1) }

    /// A cell of the rows below the tags; a column's name is its tag when the columns are named by tags.
    var rowPlaces: TableRowPlaces { source.rowPlaces }
    func location(ofRow row: Int?, column: Int?) -> CellLocation {
        if let row { return source.location(ofRow: row + 1, column: column) }
        if namesByTags, let column, tagRow.tags[column] != nil { return source.location(ofRow: 0, column: column) }
        return source.location(ofRow: nil, column: column)
    }
}
