import Foundation
import XCTest

/// The catalogue of bad inputs, as docs/errors.md lists them. Every case starts from a copy of
/// the example project whose output/ was built once, makes one change, runs `sitrep build`
/// and checks that:
///
/// - the exit status is 1 and nothing is reported as written;
/// - standard error points at the file (and its line and column when there is one) as
///   `path:line:col: error:`, says what is wrong and gives a `hint:` saying how to fix it;
/// - output/ is byte-identical to the good build, and no staging folder is left beside it.
///
/// The cases are tables grouped by kind of input; one shared build serves them all, so the whole
/// file runs in a few seconds.
final class BadInputCatalogueTests: XCTestCase {
    static let period = "content/belarus/2022-06"
    static let report = "\(period)/report.md"
    static let figures = "\(period)/figures.yml"
    static let series = "content/belarus/series.yml"
    static let assessments = "\(period)/assessments.csv"

    /// The period's assessments table as the example has it, written out in full by the CSV
    /// cases so that their lines and columns do not depend on the example's file.
    static let assessmentLines = ["region,count", "Gomel,141", "Minsk,46", "Grodno,27", "Brest,8", "Vitebsk,4", "Mogilev,2"]
    static var assessmentsCSV: String { assessmentLines.joined(separator: "\n") + "\n" }

    /// Where a message must point.
    enum Place {
        /// `path:line:column: error:`.
        case at(String, line: Int, column: Int)
        /// `path:line:column: error:` at the first occurrence of `find` in the changed file,
        /// `offset` characters into it.
        case text(String, find: String, offset: Int = 0)
        /// `path: error:`, for a folder or a problem that has no single line.
        case file(String)
        /// A regular expression for the location, when the line is not fixed by the input.
        case pattern(String)
    }

    /// One bad input: the change that makes it, where the message points, what it says is
    /// wrong and what its hint says to do.
    struct BadInput {
        var name: String
        var change: (URL) throws -> Void
        var place: Place
        var message: [String]
        var hint: [String]
    }

    // MARK: The shared build

    private struct Built {
        var project: URL
        var run: SitrepRun
        var output: [String: Data?]
        /// A folder outside the project, holding a CSV file for the symlink case.
        var outside: URL
    }

    private static let shared = ClassFixture<Built> { [$0.project, $0.outside] }

    override class func setUp() {
        super.setUp()
        shared.make {
            let project = try SitrepProcess.copyExample()
            try Data(assessmentsCSV.utf8).write(to: project.appendingPathComponent(assessments))
            let run = try SitrepProcess.run(["build"], in: project)
            let outside = try SitrepProcess.temporaryFolder("outside")
            try Data("region,count\nGomel,1\n".utf8).write(to: outside.appendingPathComponent("elsewhere.csv"))
            return Built(project: project, run: run, output: try SitrepProcess.snapshot(of: project.appendingPathComponent("output")),
                         outside: outside)
        }
    }

    override class func tearDown() {
        shared.remove()
        super.tearDown()
    }

    private func built() throws -> Built {
        let built = try Self.shared.get()
        XCTAssertEqual(built.run.status, 0, "the example must build: \(built.run)")
        XCTAssertNotNil(built.output["belarus/2022-06/index.html"] ?? nil, "\(built.output.keys.sorted())")
        return built
    }

    // MARK: Running the cases

    /// Runs every case on its own copy of the built example and checks what the build said and did.
    private func check(_ cases: [BadInput], file: StaticString = #filePath, line: UInt = #line) throws {
        let built = try built()
        for input in cases {
            let project = try SitrepProcess.copy(built.project)
            defer { SitrepProcess.remove(project) }
            try input.change(project)
            let run = try SitrepProcess.run(["build"], in: project)
            let label = "[\(input.name)]"

            XCTAssertEqual(run.status, 1, "\(label) \(run)", file: file, line: line)
            XCTAssertFalse(run.stdout.contains("wrote"), "\(label) \(run)", file: file, line: line)
            XCTAssertTrue(run.stderr.contains("nothing was written"), "\(label) \(run.stderr)", file: file, line: line)

            // Where: the location starts a line of standard error.
            let expected = try location(input.place, in: project)
            let locationStart: String.Index?
            if case .pattern(let pattern) = input.place {
                locationStart = run.stderr.range(of: "(?m)^" + pattern, options: .regularExpression)?.lowerBound
            } else {
                locationStart = lineStart(of: expected + ": error: ", in: run.stderr)
            }
            guard let locationStart else {
                XCTFail("\(label) no message at \(expected): \(run.stderr)", file: file, line: line)
                continue
            }
            // What: the message follows the location on the same line.
            let firstLine = run.stderr[locationStart...].prefix { $0 != "\n" }
            for part in input.message {
                XCTAssertTrue(firstLine.contains(part), "\(label) the message does not say \(part.debugDescription): \(firstLine)",
                              file: file, line: line)
            }
            // How to fix: a hint follows, before the next message.
            let rest = run.stderr[locationStart...]
            guard let hint = rest.range(of: "\n    hint: ") else {
                XCTFail("\(label) no hint: \(run.stderr)", file: file, line: line)
                continue
            }
            let nextMessage = rest[hint.upperBound...].range(of: "\n([^ \n][^\n]*: (error|warning): |[0-9]+ errors?;)",
                                                              options: .regularExpression)
            let hintText = rest[hint.upperBound..<(nextMessage?.lowerBound ?? rest.endIndex)]
            for part in input.hint {
                XCTAssertTrue(hintText.contains(part), "\(label) the hint does not say \(part.debugDescription): \(hintText)",
                              file: file, line: line)
            }

            // Nothing published, nothing left behind.
            SitrepProcess.assertSameTree(built.output, try SitrepProcess.snapshot(of: project.appendingPathComponent("output")),
                                         "\(label) output/ after the failed build:", file: file, line: line)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: project.path).sorted(),
                           [".output.sitrep-manifest", "content", "output", "sitrep.yml", "templates"],
                           "\(label) a staging folder was left beside output/", file: file, line: line)
        }
    }

    /// The location text a place stands for, in the project after the change.
    private func location(_ place: Place, in project: URL) throws -> String {
        switch place {
        case .at(let path, let line, let column):
            return "\(path):\(line):\(column)"
        case .file(let path):
            return path
        case .pattern(let pattern):
            return pattern
        case .text(let path, let needle, let offset):
            let text = try SitrepProcess.read(path, in: project)
            guard let range = text.range(of: needle) else {
                throw SitrepProcessError.badFixture("\(path) does not contain \(needle.debugDescription)")
            }
            let before = text[..<range.lowerBound]
            let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
            return "\(path):\(line):\(text[lineStart..<range.lowerBound].unicodeScalars.count + offset + 1)"
        }
    }

    /// Where `prefix` occurs at the start of a line of `text`.
    private func lineStart(of prefix: String, in text: String) -> String.Index? {
        var search = text.startIndex..<text.endIndex
        while let range = text.range(of: prefix, range: search) {
            if range.lowerBound == text.startIndex || text[text.index(before: range.lowerBound)] == "\n" { return range.lowerBound }
            search = range.upperBound..<text.endIndex
        }
        return nil
    }

    // MARK: Changes

    private static func write(_ text: String, to path: String, in project: URL) throws {
        try write(Array(text.utf8), to: path, in: project)
    }

    private static func write(_ bytes: [UInt8], to path: String, in project: URL) throws {
        let url = project.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// The assessments table with one line replaced.
    private static func assessments(replacing old: String, with new: String) -> (URL) throws -> Void {
        { project in
            precondition(assessmentLines.contains(old), "no line \(old) in the assessments table")
            let lines = assessmentLines.map { $0 == old ? new : $0 }
            try write(lines.joined(separator: "\n") + "\n", to: assessments, in: project)
        }
    }

    /// Rewrites report.md line by line.
    private static func reportLines(_ transform: @escaping ([String]) throws -> [String]) -> (URL) throws -> Void {
        { project in
            let lines = try SitrepProcess.read(report, in: project).components(separatedBy: "\n")
            try write(try transform(lines).joined(separator: "\n"), to: report, in: project)
        }
    }

    /// The index of the line that closes the front matter (the second `---`).
    private static func closingFence(_ lines: [String]) throws -> Int {
        guard lines.first == "---", let index = lines.dropFirst().firstIndex(of: "---") else {
            throw SitrepProcessError.badFixture("\(report) has no front matter")
        }
        return index
    }

    private static func edit(_ path: String, _ old: String, _ new: String) -> (URL) throws -> Void {
        { project in try SitrepProcess.edit(path, in: project, replacing: old, with: new) }
    }

    // MARK: CSV tables

    func testCSVStructure() throws {
        let file = Self.assessments
        try check([
            BadInput(
                name: "unterminated quote",
                change: { try Self.write("region,count\nGomel,141\n\"Minsk,46\nGrodno,27\n", to: file, in: $0) },
                place: .at(file, line: 3, column: 1),
                message: ["this quoted value has no closing quote: it runs to the end of the file"],
                hint: ["add the closing quote (\") at the end of the value", "written twice (\"\")"]),
            BadInput(
                name: "ragged row",
                change: Self.assessments(replacing: "Brest,8", with: "Brest,8,3"),
                place: .at(file, line: 5, column: 9),
                message: ["expected 2 columns as in the header (region, count), found 3 values"],
                hint: ["remove the extra value", "put quotes around a value that contains a ','"]),
            BadInput(
                name: "empty file",
                change: { try Self.write("", to: file, in: $0) },
                place: .at(file, line: 1, column: 1),
                message: ["the file is empty"],
                hint: ["a table starts with a header line naming its columns"]),
            BadInput(
                name: "header only",
                change: { try Self.write("region,count\n", to: file, in: $0) },
                place: .at(file, line: 1, column: 1),
                message: ["the table has a header but no rows"],
                hint: ["add one line below the header for each row", "region, count"]),
            BadInput(
                name: "duplicate header",
                change: { try Self.write("region,region,count\nGomel,Gomel,141\n", to: file, in: $0) },
                place: .at(file, line: 1, column: 8),
                message: ["the header names two columns 'region': columns 1 and 2"],
                hint: ["give each column a different name"]),
            BadInput(
                name: "invisible character in a column name",
                change: { try Self.write("region,\u{FEFF}count\nGomel,141\n", to: file, in: $0) },
                place: .at(file, line: 1, column: 8),
                message: ["the name of column 2 of the header holds an invisible character, U+FEFF (byte order mark)"],
                hint: ["retype the column's name"]),
            BadInput(
                name: "missing value column",
                change: Self.assessments(replacing: "region,count", with: "region,total"),
                place: .at(file, line: 1, column: 1),
                message: ["the table has no value column 'count'; its columns are 'region', 'total'"],
                hint: ["rename the column that holds the numbers to 'count'", "declare `value: total`", "series.yml"]),
            BadInput(
                name: "duplicate rows for the same key",
                change: { try Self.write(Self.assessmentsCSV + "Brest,3\n", to: file, in: $0) },
                place: .at(file, line: 8, column: 1),
                message: ["a second row for region 'Brest'; the first is on line 5"],
                hint: ["may appear once", "remove one of the rows or add them together"]),
        ])
    }

    func testCSVCounts() throws {
        let file = Self.assessments
        try check([
            BadInput(
                name: "non-numeric count",
                change: Self.assessments(replacing: "Brest,8", with: "Brest,eight"),
                place: .at(file, line: 5, column: 7),
                message: ["the value 'eight' in column 'count' is not a whole number"],
                hint: ["write a whole number with digits only"]),
            BadInput(
                name: "negative count",
                change: Self.assessments(replacing: "Brest,8", with: "Brest,-8"),
                place: .at(file, line: 5, column: 7),
                message: ["the value '-8' in column 'count' is negative"],
                hint: ["counts cannot be negative"]),
            BadInput(
                name: "fractional count",
                change: Self.assessments(replacing: "Brest,8", with: "Brest,8.5"),
                place: .at(file, line: 5, column: 7),
                message: ["the value '8.5' in column 'count' is not a whole number"],
                hint: ["round the value or correct it at the source"]),
            // Thousands separators are rejected, never guessed: which one is meant depends on the locale.
            BadInput(
                name: "1 234 (space as thousands separator)",
                change: Self.assessments(replacing: "Gomel,141", with: "Gomel,1 234"),
                place: .at(file, line: 2, column: 7),
                message: ["the value '1 234' in column 'count' has separators in it"],
                hint: ["write 1234 without separators"]),
            BadInput(
                name: "\"1,234\" (quoted, comma as thousands separator)",
                change: Self.assessments(replacing: "Gomel,141", with: "Gomel,\"1,234\""),
                place: .at(file, line: 2, column: 7),
                message: ["the value '1,234' in column 'count' has separators in it"],
                hint: ["write 1234 without separators"]),
        ])
    }

    func testCSVEncoding() throws {
        let file = Self.assessments
        // "Brést" in Windows-1252 (Excel's plain "CSV"): é is the single byte 0xE9.
        let text = Self.assessmentsCSV
        let brest = text[..<(try XCTUnwrap(text.range(of: "Brest")).lowerBound)].utf8.count
        var bytes = Array(text.utf8)
        bytes[brest + 2] = 0xE9
        try check([
            BadInput(
                name: "Windows-1252 file with é",
                change: { try Self.write(bytes, to: file, in: $0) },
                place: .at(file, line: 5, column: 3),
                message: ["the file is not valid UTF-8: byte 0xE9 at line 5, column 3 (byte offset \(brest + 2))",
                          "it looks like 'é' in the Windows-1252 encoding"],
                hint: ["CSV UTF-8", "iconv -f WINDOWS-1252 -t UTF-8"]),
            BadInput(
                name: "a table whose file name is not UTF-8 (café in Windows-1252, from an old zip)",
                change: { project in
                    let folder = project.appendingPathComponent(Self.period).path
                    let name = Array(folder.utf8) + Array("/caf".utf8) + [0xE9] + Array(".csv".utf8) + [0]
                    let descriptor = name.withUnsafeBufferPointer { buffer in
                        open(UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT, 0o644)
                    }
                    XCTAssertGreaterThanOrEqual(descriptor, 0)
                    close(descriptor)
                },
                place: .file("\(Self.period)/caf\u{FFFD}.csv"),
                message: ["the file's name is not valid UTF-8"],
                hint: ["rename the file"]),
            BadInput(
                name: "a period folder whose name is not UTF-8 (it was left out of the series without a word)",
                change: { project in
                    let period = project.appendingPathComponent(Self.period)
                    let renamed = Array(period.deletingLastPathComponent().path.utf8) + Array("/2022-0".utf8) + [0xE9, 0]
                    let moved = renamed.withUnsafeBufferPointer { buffer in
                        rename(period.path, UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self))
                    }
                    XCTAssertEqual(moved, 0)
                },
                place: .file((Self.period as NSString).deletingLastPathComponent + "/2022-0\u{FFFD}"),
                message: ["this name is not valid UTF-8", "so sitrep cannot open what it names"],
                hint: ["rename it"]),
        ])
    }

    /// Excel's "Unicode text" is UTF-16 little endian with a byte order mark (here with CRLF
    /// line ends too): it is read as the same table, so the site comes out byte-identical.
    func testUTF16WithByteOrderMarkIsAccepted() throws {
        let built = try built()
        let project = try SitrepProcess.copy(built.project)
        defer { SitrepProcess.remove(project) }
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in Self.assessmentsCSV.replacingOccurrences(of: "\n", with: "\r\n").utf16 {
            bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        try Self.write(bytes, to: Self.assessments, in: project)
        let run = try SitrepProcess.run(["build"], in: project)
        XCTAssertEqual(run.status, 0, "\(run)")
        let html = try SitrepProcess.read("output/belarus/2022-06/index.html", in: project)
        XCTAssertTrue(SitrepProcess.visibleText(ofHTML: html).contains("228 people assessed in the period"))
        SitrepProcess.assertSameTree(built.output, try SitrepProcess.snapshot(of: project.appendingPathComponent("output")),
                                     "the UTF-16 table gives the same site:")
    }

    // MARK: Excel workbooks

    /// A workbook made for the reader's tests (Tests/SitrepContentTests/Fixtures/Workbooks).
    private static func workbook(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: SitrepProcess.packageRoot.appendingPathComponent("Tests/SitrepContentTests/Fixtures/Workbooks/\(name)")))
    }

    func testExcelWorkbooks() throws {
        let workbook = "\(Self.period)/assessments.xlsx"
        let distributions = "content/belarus-assistance/2022-06/distributions.xlsx"
        let unsaved = try Self.workbook("unsaved-formula.xlsx")
        let corrupt = try Self.workbook("corrupt.xlsx")
        try check([
            BadInput(
                name: "a table given as both .csv and .xlsx",
                change: { try FileManager.default.copyItem(at: $0.appendingPathComponent(distributions),
                                                           to: $0.appendingPathComponent(workbook)) },
                place: .file(workbook),
                message: ["the table 'assessments' is given twice: by assessments.csv and by assessments.xlsx"],
                hint: ["keep one file for the table 'assessments'"]),
            BadInput(
                name: "a damaged workbook",
                change: { project in
                    try FileManager.default.removeItem(at: project.appendingPathComponent(Self.assessments))
                    try Self.write(corrupt, to: workbook, in: project)
                },
                place: .file(workbook),
                message: ["the workbook cannot be read: it is not a complete zip archive"],
                hint: ["open it in Excel and save it again"]),
            BadInput(
                name: "a formula without its saved value",
                change: { try Self.write(unsaved, to: "\(Self.period)/departures.xlsx", in: $0) },
                place: .file("\(Self.period)/departures.xlsx: sheet 'Arrivals', cell B3"),
                message: ["the cell has a formula whose value was never saved"],
                hint: ["open the workbook in Excel (or LibreOffice Calc) and save it"]),
            BadInput(
                name: "sheet: naming a sheet the workbook does not have",
                change: Self.edit("content/belarus-assistance/series.yml", "sheet: Distributions", "sheet: Distribution"),
                place: .file("content/belarus-assistance/2022-05-26/distributions.xlsx"),
                message: ["the workbook has no sheet 'Distribution'; its sheets are 'Distributions', 'Sources'"],
                hint: ["did you mean 'Distributions'?", "`sheet:`"]),
            BadInput(
                name: "sheet: declared for a table kept in a CSV file",
                change: Self.edit("content/belarus/series.yml", "    value: beneficiaries\n", "    value: beneficiaries\n    sheet: Items\n"),
                place: .text("content/belarus/series.yml", find: "sheet: Items", offset: 7),
                message: ["the table is declared in sheet 'Items', but", "distributions.csv is a CSV file, which has no sheets"],
                hint: ["remove `sheet: Items`", "(distributions.xlsx)"]),
        ])
    }

    // MARK: YAML

    /// Officers' exports: 8-bit encodings, Excel's leftovers, HXL and wide tables (content.md,
    /// "Exports as they come").
    func testExports() throws {
        let file = Self.assessments
        let gomel: [UInt8] = [0xC3, 0xEE, 0xEC, 0xE5, 0xEB, 0xFC]  // "Гомель" in Windows-1251
        let declared = "\(Self.period)/export.csv"
        /// A table `export` in the period only, declared in series.yml with `lines` (indented as its keys).
        func declare(_ lines: String, file text: String) -> (URL) throws -> Void {
            { project in
                try SitrepProcess.edit(Self.series, in: project, replacing: "tables:\n", with: "tables:\n  export:\n" + lines)
                try Self.write(text, to: declared, in: project)
            }
        }
        try check([
            BadInput(
                name: "Windows-1251 file",
                change: { try Self.write(Array("region,count\n".utf8) + gomel + Array(",141\n".utf8), to: file, in: $0) },
                place: .at(file, line: 2, column: 1),
                message: ["the file is not valid UTF-8: byte 0xC3", "it looks like 'Г' in the Windows-1251 encoding"],
                hint: ["'CSV UTF-8 (Comma delimited) (*.csv)'", "`iconv -f WINDOWS-1251 -t UTF-8 '\(file)' > '\(file).utf8' && mv"]),
            BadInput(
                name: "sep= line naming another separator",
                change: { try Self.write("sep=:\nregion:count\nGomel:141\n", to: file, in: $0) },
                place: .at(file, line: 1, column: 5),
                message: ["the first line names ':' as the separator"],
                hint: ["`sep=,`"]),
            BadInput(
                name: "a value under a column without name",
                change: { try Self.write("region,count,\nGomel,141,\nMinsk,46,x\n", to: file, in: $0) },
                place: .at(file, line: 3, column: 10),
                message: ["a value in column 3, which has no name in the header"],
                hint: ["name column 3 in the header line, or delete the value"]),
            BadInput(
                name: "header row below the end of the file",
                change: declare("    header_row: 9\n", file: Self.assessmentsCSV),
                place: .at(declared, line: 8, column: 1),
                message: ["the file ends before row 9, which series.yml declares as the header"],
                hint: ["set `header_row:` to the number of the row that names the columns"]),
            BadInput(
                name: "wide table without a declared value column",
                change: declare("    values: {sex: [Men, Women]}\n", file: "region,Men,Wmen\nGomel,1,2\n"),
                place: .at(declared, line: 1, column: 1),
                message: ["the table has no column 'Women', which series.yml declares as a value column of 'sex' (`values:`)"],
                hint: ["rename 'Wmen' in series.yml or in the file"]),
            BadInput(
                name: "a word in a wide table's value cell",
                change: declare("    values: {sex: [Men, Women]}\n", file: "region,Men,Women\nGomel,1,n/a\n"),
                place: .at(declared, line: 2, column: 9),
                message: ["the value 'n/a' in column 'Women' is not a whole number"],
                hint: ["write a whole number with digits only"]),
            BadInput(
                name: "a totals column left in a wide table",
                change: declare("    values: {sex: [Men, Women]}\n", file: "region,Men,Women,Total\nGomel,1,2,3\n"),
                place: .at(declared, line: 1, column: 18),
                message: ["the column 'Total' looks like the sum of the value columns"],
                hint: ["ignore: [Total]"]),
            BadInput(
                name: "one value column for a wide table",
                change: declare("    values: {sex: [Men]}\n", file: Self.assessmentsCSV),
                place: .text(Self.series, find: "[Men]"),
                message: ["the dimension 'sex' needs at least two value columns"],
                hint: ["values: {sex: [Men, Women]}"]),
            BadInput(
                name: "names: hxl without hashtags",
                change: declare("    names: hxl\n", file: Self.assessmentsCSV),
                place: .at(declared, line: 1, column: 1),
                message: ["(`names: hxl`), but the row below the header is not a row of hashtags"],
                hint: ["add the row of hashtags below the header"]),
            BadInput(
                name: "two columns with one hashtag",
                change: declare("    names: hxl\n    value: affected\n", file: "region,district,count\n#adm1,#adm1,#affected\nGomel,A,141\n"),
                place: .at(declared, line: 2, column: 7),
                message: ["with `names: hxl` two columns are named 'adm1': columns 1 and 2"],
                hint: ["#adm1+name, #adm1+code"]),
        ])
    }

    func testYAMLSyntaxErrorsPointIntoTheRightFile() throws {
        let syntax = "YAML syntax error: mapping values are not allowed in this context"
        let hint = ["check the indentation", "quote values that contain ': '"]
        try check([
            BadInput(
                name: "figures.yml",
                change: Self.edit(Self.figures, "referral_pathways: 3\n", "referral_pathways: 3: pathways\n"),
                place: .text(Self.figures, find: ": pathways"),
                message: [syntax], hint: hint),
            BadInput(
                name: "series.yml",
                change: Self.edit(Self.series, "office: IOM Belarus\n", "office: IOM: Belarus\n"),
                place: .text(Self.series, find: "IOM: Belarus", offset: 3),
                message: [syntax], hint: hint),
            // The classic: a title with ': ' in it, not quoted. Line and column are the file's,
            // counted past the opening `---`.
            BadInput(
                name: "front matter",
                change: Self.edit(Self.report, "title: \"Belarus: response to the war in Ukraine\"\n",
                                  "title: Belarus: response to the war in Ukraine\n"),
                place: .text(Self.report, find: ": response"),
                message: [syntax], hint: hint),
        ])
    }

    // MARK: Front matter

    func testFrontMatter() throws {
        try check([
            BadInput(
                name: "missing front matter",
                change: Self.reportLines { lines in Array(lines[(try Self.closingFence(lines) + 1)...]) },
                place: .at(Self.report, line: 1, column: 1),
                message: ["report.md has no front matter"],
                hint: ["start the file with a YAML block between two `---` lines"]),
            BadInput(
                name: "unclosed front matter",
                change: Self.reportLines { lines in
                    var lines = lines
                    lines.remove(at: try Self.closingFence(lines))
                    return lines
                },
                place: .at(Self.report, line: 1, column: 1),
                message: ["the front matter is not closed"],
                hint: ["end the YAML block with a line that holds only `---`"]),
            BadInput(
                name: "unknown key in front matter",
                change: Self.edit(Self.report, "\nas_of: ", "\nas-of: "),
                place: .text(Self.report, find: "as-of:"),
                message: ["unknown key 'as-of' in the front matter"],
                hint: ["did you mean 'as_of'?"]),
        ])
    }

    // MARK: Narrative

    func testNarrative() throws {
        try check([
            BadInput(
                name: "unknown table in a sitrep-table block",
                change: Self.edit(Self.report, "\ntable: arrivals\n", "\ntable: arivals\n"),
                place: .text(Self.report, find: "arivals"),
                message: ["there is no table called 'arivals' in this period"],
                hint: ["did you mean 'arrivals'?"]),
            BadInput(
                name: "unknown column in a sitrep-table block",
                change: Self.edit(Self.report, "\nrows: nationality\n", "\nrows: nationalty\n"),
                place: .text(Self.report, find: "nationalty"),
                message: ["the table 'arrivals' has no column 'nationalty'"],
                hint: ["did you mean 'nationality'?"]),
            BadInput(
                name: "unknown chart type in a sitrep-chart block",
                change: Self.edit(Self.report, "\ntype: bar\n", "\ntype: pie\n"),
                place: .text(Self.report, find: "pie"),
                message: ["type cannot be 'pie'"],
                hint: ["use one of: bar, stacked, line, column"]),
            BadInput(
                name: "an option another kind of chart takes",
                change: Self.edit(Self.report, "\nfigure: arrivals.total\n", "\nfigure: arrivals.total\ntop: 5\n"),
                place: .text(Self.report, find: "top: 5"),
                message: ["`top` is not an option of a line chart"],
                hint: ["a line chart takes: figure, unit, title"]),
            BadInput(
                name: "a chart without an option it needs",
                change: Self.edit(Self.report, "\nsplit: sex\n", "\n"),
                place: .text(Self.report, find: "stacked"),
                message: ["a stacked bar chart needs `split:`"],
                hint: ["type: stacked", "split: sex"]),
            BadInput(
                name: "a line chart of an unknown figure",
                change: Self.edit(Self.report, "\nfigure: arrivals.total\n", "\nfigure: arrivals.totl\n"),
                place: .text(Self.report, find: "arrivals.totl"),
                message: ["no figure is called 'arrivals.totl'"],
                hint: ["did you mean 'arrivals.total'?"]),
            BadInput(
                name: "unknown placeholder",
                change: Self.edit(Self.report, "{{ leaflets.disseminated }}", "{{ leaflets.disseminatd }}"),
                place: .text(Self.report, find: "leaflets.disseminatd"),
                message: ["no figure is called 'leaflets.disseminatd'"],
                hint: ["did you mean 'leaflets.disseminated'?", "sitrep figures"]),
            BadInput(
                name: "unknown filter",
                change: Self.edit(Self.report, "{{ staff.gomel | words }}", "{{ staff.gomel | word }}"),
                place: .text(Self.report, find: "word }}"),
                message: ["there is no filter called 'word'"],
                hint: ["did you mean 'words'?", "filters: percent, words, list, date, decimals"]),
            BadInput(
                name: "unclosed {{",
                change: { try SitrepProcess.append("\nIn all, {{ arrivals.total people.\n", to: Self.report, in: $0) },
                place: .text(Self.report, find: "{{ arrivals.total people"),
                message: ["this placeholder is not closed"],
                hint: ["end it with }} on the same line"]),
        ])
    }

    // MARK: Layouts

    func testLayoutTemplate() throws {
        try check([
            BadInput(
                name: "{{#section}} never closed in templates/report.mustache",
                change: { try Self.write("<!doctype html>\n<html>\n<body>\n{{#report.notes}}\n<p>{{text}}</p>\n</body>\n</html>\n",
                                         to: "templates/report.mustache", in: $0) },
                // At the section's name, where it opens.
                place: .at("templates/report.mustache", line: 4, column: 4),
                message: ["the section '{{#report.notes}}' is not closed"],
                hint: ["add {{/report.notes}} where the section ends"]),
        ])
    }

    // MARK: Project layout

    func testProjectLayout() throws {
        let outside = try built().outside.appendingPathComponent("elsewhere.csv")
        try check([
            BadInput(
                name: "missing series.yml",
                change: { try FileManager.default.removeItem(at: $0.appendingPathComponent(Self.series)) },
                place: .file("content/belarus"),
                message: ["the series folder has no series.yml"],
                hint: ["create content/belarus/series.yml with at least `title:` and `onset:`"]),
            BadInput(
                name: "period folder 2022-13",
                change: { project in
                    try FileManager.default.copyItem(at: project.appendingPathComponent(Self.period),
                                                     to: project.appendingPathComponent("content/belarus/2022-13"))
                },
                place: .file("content/belarus/2022-13"),
                message: ["'2022-13' is not a period folder name"],
                hint: ["name period folders YYYY-MM (a month, e.g. 2022-06) or YYYY-MM-DD"]),
            BadInput(
                name: "period folder june",
                change: { try FileManager.default.createDirectory(at: $0.appendingPathComponent("content/belarus/june"),
                                                                  withIntermediateDirectories: false) },
                place: .file("content/belarus/june"),
                message: ["'june' is not a period folder name"],
                hint: ["name period folders YYYY-MM (a month, e.g. 2022-06) or YYYY-MM-DD"]),
            BadInput(
                name: "symlink to a CSV outside the project",
                change: { try FileManager.default.createSymbolicLink(at: $0.appendingPathComponent("\(Self.period)/elsewhere.csv"),
                                                                     withDestinationURL: outside) },
                place: .file("\(Self.period)/elsewhere.csv"),
                message: ["this file is a link to \(outside.path), outside the project"],
                hint: ["copy the file into the project instead of linking to it"]),
            BadInput(
                name: "pdf: maybe in sitrep.yml",
                change: { try SitrepProcess.append("pdf: maybe\n", to: "sitrep.yml", in: $0) },
                place: .text("sitrep.yml", find: "maybe"),
                message: ["pdf must be true or false, not 'maybe'"],
                hint: ["write `pdf: true` to make a PDF of every report"]),
        ])
    }

    // MARK: Figures and periods

    func testFiguresAndPeriods() throws {
        try check([
            BadInput(
                name: "stated figure disagrees with the computed one",
                change: { try SitrepProcess.append("\nassessments:\n  total: 230\n", to: Self.figures, in: $0) },
                place: .text(Self.figures, find: "230"),
                message: ["'assessments.total' is stated as 230 but computed as 228 from \(Self.assessments)"],
                hint: ["correct the data, remove the stated figure", "approximate"]),
            BadInput(
                name: "overlapping periods",
                change: Self.edit(Self.report, "period: {start: 2022-05-27,", "period: {start: 2022-05-20,"),
                place: .file(Self.report),
                message: ["the periods 2022-05-26 (2022-05-13 to 2022-05-26) and 2022-06 (2022-05-20 to 2022-06-09) overlap"],
                hint: ["a day can belong to one period only: start 2022-06 on 2022-05-27 or end 2022-05-26 earlier"]),
            // Without the middle period, the cumulative count in 2022-06 has a hole in it.
            BadInput(
                name: "figure unavailable because of a gap",
                change: { try FileManager.default.removeItem(at: $0.appendingPathComponent("content/belarus/2022-05-26")) },
                place: .text(Self.report, find: "assessments.total.cumulative"),
                message: ["'assessments.total.cumulative' cannot be computed for this report",
                          "there is a gap between 2022-05-12 (ends 2022-05-12) and 2022-06 (starts 2022-05-27)",
                          "no period covers 2022-05-13 to 2022-05-26"],
                hint: ["add the missing period", "state the figure in figures.yml"]),
        ])
    }

    // MARK: Totals rows and computed figures

    func testTotalsRowsAndComputedFigures() throws {
        let computed = { (lines: String) -> (URL) throws -> Void in
            { try SitrepProcess.append("computed:\n" + lines, to: Self.series, in: $0) }
        }
        try check([
            BadInput(
                name: "a totals row that differs from the rows",
                change: { try Self.write(Self.assessmentsCSV + "Total,230\n", to: Self.assessments, in: $0) },
                place: .at(Self.assessments, line: 8, column: 7),
                message: ["the totals row 'Total' states 230, but the rows add up to 228 (assessments.total)"],
                hint: ["correct the totals row or the rows it adds up", "rename it, e.g. 'Total (category)'"]),
            BadInput(
                name: "a formula naming a figure that does not exist",
                change: computed("  arrivals.non_ukrainian: arrivals.total - arrivals.nationality.Ukrain\n"),
                place: .text(Self.series, find: "arrivals.nationality.Ukrain"),
                message: ["no figure is called 'arrivals.nationality.Ukrain' in 2022-05-12, in the formula of 'arrivals.non_ukrainian'"],
                hint: ["did you mean 'arrivals.nationality.Ukraine'?", "sitrep figures belarus/2022-05-12"]),
            BadInput(
                name: "computed figures that name each other",
                change: computed("  arrivals.a: arrivals.b + 1\n  arrivals.b: 2 * arrivals.a\n"),
                place: .text(Self.series, find: "arrivals.b + 1"),
                message: ["the computed figures 'arrivals.a', 'arrivals.b' are computed from each other: arrivals.a → arrivals.b → arrivals.a"],
                hint: ["compute one of them from table or stated figures only"]),
            BadInput(
                name: "a formula that divides by 0",
                change: computed("  arrivals.rate: arrivals.total / (arrivals.total - arrivals.total)\n"),
                place: .text(Self.series, find: "/ ("),
                message: ["the formula of 'arrivals.rate' divides by 0 in 2022-05-12: (arrivals.total - arrivals.total) is 0"],
                hint: ["a formula cannot divide by a figure that is 0"]),
            BadInput(
                name: "a formula with two operators in a row",
                change: computed("  arrivals.double: arrivals.total * * 2\n"),
                place: .text(Self.series, find: "* 2"),
                message: ["'*' where a figure, a number or '(' should come, in the formula of 'arrivals.double'"],
                hint: ["write a figure's name or a number before '*'"]),
        ])
    }
}
