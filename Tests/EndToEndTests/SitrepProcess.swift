import Foundation
import XCTest

/// What one run of the `sitrep` executable did.
struct SitrepRun: Sendable, CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    var description: String {
        "exit \(status)\n--- stdout ---\n\(stdout)\n--- stderr ---\n\(stderr)"
    }
}

enum SitrepProcessError: Error, CustomStringConvertible {
    case executableNotFound(searched: [String])
    case badFixture(String)

    var description: String {
        switch self {
        case .executableNotFound(let searched):
            return "cannot find the sitrep executable; looked in: \(searched.joined(separator: ", "))"
        case .badFixture(let message):
            return message
        }
    }
}

/// Runs the built `sitrep` executable as a subprocess, and prepares projects for it to work on.
enum SitrepProcess {
    /// The package root: this file is `Tests/EndToEndTests/SitrepProcess.swift`.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The example project's files, copied into every test project.
    static let exampleItems = ["sitrep.yml", "content", "templates"]

    /// Files every build of the example must write (it may write more, such as other periods).
    static let requiredOutputFiles = [
        "index.html", "belarus/index.html", "belarus/2022-06/index.html", "belarus/2022-06/figures.json", "assets/sitrep.css",
    ]

    /// Asserts that a snapshot of an output folder holds every required file.
    static func assertHasRequiredFiles(_ snapshot: [String: Data?], file: StaticString = #filePath, line: UInt = #line) {
        for path in requiredOutputFiles {
            XCTAssertNotNil(snapshot[path] ?? nil, "the output has no \(path): \(snapshot.keys.sorted())", file: file, line: line)
        }
    }

    /// Anchors `Bundle(for:)` on the test bundle (on macOS the `.xctest` bundle in the products folder).
    private final class BundleToken {}

    /// The `sitrep` executable in the build products folder, next to the test bundle. The test
    /// target depends on the executable target, so building the tests builds it.
    static func executable() throws -> URL {
        var starts: [URL] = [
            Bundle(for: BundleToken.self).bundleURL,
            Bundle.main.bundleURL,
            Bundle.main.executableURL ?? Bundle.main.bundleURL,
        ]
        if let override = ProcessInfo.processInfo.environment["SITREP_EXECUTABLE"] {
            starts.insert(URL(fileURLWithPath: override), at: 0)
        }
        var searched: [String] = []
        for start in starts {
            var folder = start.standardizedFileURL
            for _ in 0..<4 {
                let candidate = folder.lastPathComponent == "sitrep" ? folder : folder.appendingPathComponent("sitrep")
                searched.append(candidate.path)
                if isExecutableFile(candidate.path) { return candidate }
                folder = folder.deletingLastPathComponent()
            }
        }
        for configuration in ["debug", "release"] {
            let candidate = packageRoot.appendingPathComponent(".build/\(configuration)/sitrep")
            searched.append(candidate.path)
            if isExecutableFile(candidate.path) { return candidate }
        }
        throw SitrepProcessError.executableNotFound(searched: searched)
    }

    private static func isExecutableFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }

    /// Runs `sitrep arguments…` in `directory`, with `environment` added to (or, for a nil
    /// value, removed from) this process's environment, and waits for it to end.
    @discardableResult
    static func run(_ arguments: [String], in directory: URL,
                    environment: [String: String?] = [:]) throws -> SitrepRun {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var variables = ProcessInfo.processInfo.environment
        for (name, value) in environment { variables[name] = value }
        process.environment = variables

        // Files rather than pipes: nothing can block however much the process writes.
        let capture = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitrep-run-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: capture, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: capture) }
        let outURL = capture.appendingPathComponent("stdout")
        let errURL = capture.appendingPathComponent("stderr")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return SitrepRun(status: process.terminationStatus,
                         stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                         stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    // MARK: Folders

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder(_ label: String = "project") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitrep-e2e-\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.resolvingSymlinksInPath()
    }

    /// A fresh temporary copy of the example project (sitrep.yml, content/, templates/).
    static func copyExample() throws -> URL {
        let folder = try temporaryFolder()
        for item in exampleItems {
            let source = packageRoot.appendingPathComponent(item)
            guard FileManager.default.fileExists(atPath: source.path) else {
                if item == "templates" { continue }
                throw SitrepProcessError.badFixture("the example has no \(item) at \(source.path)")
            }
            try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent(item))
        }
        return folder
    }

    /// A fresh temporary copy of `folder` and everything in it.
    static func copy(_ folder: URL) throws -> URL {
        let copy = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitrep-e2e-copy-\(UUID().uuidString)", isDirectory: true).resolvingSymlinksInPath()
        try FileManager.default.copyItem(at: folder, to: copy)
        return copy
    }

    /// Removes a folder made by `temporaryFolder`, `copyExample` or `copy`, and refuses anything
    /// else, so that a wrong path can never delete more than a test's own folder.
    static func remove(_ folder: URL) {
        let name = folder.standardizedFileURL.lastPathComponent
        guard name.hasPrefix("sitrep-e2e-"), name.count > "sitrep-e2e-".count + 30 else {
            XCTFail("refusing to remove \(folder.path): not a test folder")
            return
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Every file and folder under `root`, by path relative to `root`: a file maps to its bytes,
    /// a folder to nil. Two trees are byte-identical when their snapshots are equal.
    static func snapshot(of root: URL) throws -> [String: Data?] {
        var result: [String: Data?] = [:]
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: root.path) else { return result }
        while let relative = enumerator.nextObject() as? String {
            let full = root.appendingPathComponent(relative).path
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: full, isDirectory: &isDirectory) else { continue }
            result[relative] = isDirectory.boolValue ? .some(nil) : .some(try Data(contentsOf: URL(fileURLWithPath: full)))
        }
        return result
    }

    /// Asserts two snapshots are equal, naming the paths that differ.
    static func assertSameTree(_ before: [String: Data?], _ after: [String: Data?], _ message: String = "",
                               file: StaticString = #filePath, line: UInt = #line) {
        let added = Set(after.keys).subtracting(before.keys).sorted()
        let removed = Set(before.keys).subtracting(after.keys).sorted()
        let changed = Set(before.keys).intersection(after.keys).filter { before[$0]! != after[$0]! }.sorted()
        XCTAssert(added.isEmpty && removed.isEmpty && changed.isEmpty,
                  "\(message) trees differ: added \(added), removed \(removed), changed \(changed)",
                  file: file, line: line)
    }

    /// Text of `path` (relative to `root`), or a test failure.
    static func read(_ path: String, in root: URL) throws -> String {
        String(decoding: try Data(contentsOf: root.appendingPathComponent(path)), as: UTF8.self)
    }

    /// Replaces the first occurrence of `old` in the file with `new`; fails if it is absent.
    static func edit(_ path: String, in root: URL, replacing old: String, with new: String) throws {
        let url = root.appendingPathComponent(path)
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        guard let range = text.range(of: old) else {
            throw SitrepProcessError.badFixture("\(path) does not contain \(old.debugDescription)")
        }
        try Data(text.replacingCharacters(in: range, with: new).utf8).write(to: url)
    }

    /// Appends `text` to the file.
    static func append(_ text: String, to path: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        var data = try Data(contentsOf: url)
        data.append(Data(text.utf8))
        try data.write(to: url)
    }

    // MARK: HTML

    /// Elements whose tags sit inside running text: removed without leaving a space.
    private static let inlineElements: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "s",
        "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
    ]

    /// The text a reader sees on the page: `<head>`, scripts, styles and comments dropped,
    /// tags removed (block tags leave a space), entities decoded once, whitespace collapsed.
    static func visibleText(ofHTML html: String) -> String {
        var text = html
        for element in ["head", "script", "style", "template"] {
            text = text.replacingOccurrences(of: "(?s)<\(element)\\b[^>]*>.*?</\(element)\\s*>", with: " ",
                                             options: [.regularExpression, .caseInsensitive])
        }
        text = text.replacingOccurrences(of: "(?s)<!--.*?-->", with: " ", options: .regularExpression)

        var stripped = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "<", let close = text[index...].firstIndex(of: ">") {
                let tag = text[text.index(after: index)..<close]
                let name = tag.drop { $0 == "/" || $0 == "!" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
                if !inlineElements.contains(name) { stripped.append(" ") }
                index = text.index(after: close)
            } else {
                stripped.append(character)
                index = text.index(after: index)
            }
        }
        return collapseWhitespace(decodeEntities(stripped))
    }

    private static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "larr": "\u{2190}", "rarr": "\u{2192}", "ndash": "\u{2013}", "mdash": "\u{2014}",
        "rsquo": "\u{2019}", "lsquo": "\u{2018}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "hellip": "\u{2026}",
    ]

    /// Decodes `&name;`, `&#NN;` and `&#xHH;` in one pass (so `&amp;lt;` becomes `&lt;`).
    static func decodeEntities(_ text: String) -> String {
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "&", let semicolon = text[index...].prefix(12).firstIndex(of: ";") {
                let body = String(text[text.index(after: index)..<semicolon])
                var decoded: String?
                if body.hasPrefix("#x") || body.hasPrefix("#X") {
                    decoded = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if body.hasPrefix("#") {
                    decoded = UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                } else {
                    decoded = namedEntities[body]
                }
                if let decoded {
                    result += decoded
                    index = text.index(after: semicolon)
                    continue
                }
            }
            result.append(text[index])
            index = text.index(after: index)
        }
        return result
    }

    /// Runs of white space (including no-break spaces) become one space; ends are trimmed.
    static func collapseWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    // MARK: Formatting, as the reports print numbers

    /// A whole number with thousands grouped by commas: 32,322.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// `part / whole` as a percentage with `decimals` places, rounded half away from zero
    /// (no floating point): percent(398, 533, 1) is "74.7".
    static func percent(_ part: Int, of whole: Int, decimals: Int) -> String {
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (2 * part * 100 * scale + whole) / (2 * whole)
        guard decimals > 0 else { return grouped(scaled) }
        let fraction = String(scaled % scale)
        return grouped(scaled / scale) + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    /// Numbers under ten in words, as the `words` filter prints them.
    static func words(_ value: Int, capitalized: Bool = false) -> String {
        let names = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
        guard (0...9).contains(value) else { return grouped(value) }
        return capitalized ? names[value].prefix(1).uppercased() + names[value].dropFirst() : names[value]
    }
}

/// Rows of a simple CSV file (no quoted fields), without its header.
struct SimpleCSV {
    var header: [String]
    var rows: [[String]]

    init(_ text: String) {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        header = lines.first ?? []
        rows = Array(lines.dropFirst())
    }

    /// The sum of the count column (the last) over the rows whose columns have the given values.
    func sum(_ filters: [String: String] = [:]) -> Int {
        let conditions = filters.map { (index: header.firstIndex(of: $0.key) ?? -1, value: $0.value) }
        return rows.reduce(0) { total, row in
            guard conditions.allSatisfy({ $0.index >= 0 && $0.index < row.count && row[$0.index] == $0.value }) else { return total }
            return total + (Int(row.last ?? "") ?? 0)
        }
    }

    /// The distinct values of `column` in order of first appearance.
    func values(of column: String) -> [String] {
        guard let index = header.firstIndex(of: column) else { return [] }
        var seen: [String] = []
        for row in rows where !seen.contains(row[index]) { seen.append(row[index]) }
        return seen
    }
}

/// What a test class makes once for all its tests (e.g. the example, copied and built), with
/// the folders to remove when the class is done.
final class ClassFixture<Value>: @unchecked Sendable {
    private var made: Result<Value, any Error>?
    private let folders: (Value) -> [URL]

    init(folders: @escaping (Value) -> [URL]) {
        self.folders = folders
    }

    /// Makes the value; call it from the class's `setUp()`. An error is kept for `get()`.
    func make(_ body: () throws -> Value) {
        made = Result(catching: body)
    }

    /// The value made for the class, or the error that making it threw.
    func get() throws -> Value {
        try XCTUnwrap(made, "the class's setUp() did not make the fixture").get()
    }

    /// Removes the value's folders; call it from the class's `tearDown()`.
    func remove() {
        if case .success(let value)? = made { folders(value).forEach(SitrepProcess.remove) }
        made = nil
    }
}
