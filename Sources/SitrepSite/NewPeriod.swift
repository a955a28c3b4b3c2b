import Foundation
import SitrepContent
import SitrepDiagnostics

/// `sitrep new SERIES PERIOD`: starts the next period folder of a series from its latest one.
///
/// - `report.md` is copied with `period:` and `as_of:` set to the new dates; everything else in
///   it is kept byte for byte, except the values of stated figures in a front matter `figures:`
///   block, which are blanked as in `figures.yml`.
/// - A table declared `reported: cumulative` is copied as it is (the officer updates the running
///   totals); any other table keeps its header line only, so that the build fails until this
///   period's rows are added.
/// - `figures.yml` keeps its keys, comments and layout, with every value blanked, so that the
///   build stops at each figure still to be filled in.
///
/// Nothing stale is published silently: every number carried over is either a running total the
/// officer was told to update, or absent. The folder is written under a hidden staging name and
/// renamed into place at the end, so a failure leaves nothing half-created.
public enum NewPeriod {
    /// What one created file holds, and so what the officer has to do with it.
    public enum Content: Sendable, Hashable {
        /// `report.md`: the dates are new, the narrative is the previous one.
        case report
        /// A cumulative table, copied: its running totals must be brought up to date.
        case cumulativeTable
        /// A per-period table with its header only: this period's rows must be added.
        case periodTable
        /// `figures.yml` with every value blanked: each must be filled in.
        case figures
    }

    /// One file written in the new period folder.
    public struct CreatedFile: Sendable, Hashable {
        /// The path relative to the project root, e.g. `content/belarus/2022-07/report.md`.
        public var path: String
        public var content: Content
    }

    /// What `start` did.
    public struct Created: Sendable {
        public var series: String
        /// The new folder, relative to the project root (`content/belarus/2022-07`).
        public var folder: String
        /// The name of the period it was started from (`2022-06`).
        public var previous: String
        /// The dates written into the new report's front matter.
        public var period: Period
        /// Every file written, `report.md` first, then the tables by name, then `figures.yml`.
        public var files: [CreatedFile]

        /// The text `sitrep new` prints: the files created, then what to do next.
        /// `checkCommand` is the command line to suggest for checking (`sitrep check`).
        public func summary(checkCommand: String = "sitrep check") -> String {
            var text = "created \(folder) (\(period.start) to \(period.end)) from \(previous):\n"
            let width = files.map(\.path.count).max() ?? 0
            for file in files {
                let note: String
                switch file.content {
                case .report: note = "dates set; the narrative is \(previous)'s"
                case .cumulativeTable: note = "copied: update the running totals"
                case .periodTable: note = "header only: add this period's rows"
                case .figures: note = "values blanked: fill in every figure"
                }
                text += "  " + file.path + String(repeating: " ", count: width - file.path.count + 2) + note + "\n"
            }
            func names(_ content: Content) -> String {
                files.filter { $0.content == content }.map { ($0.path as NSString).lastPathComponent }.joined(separator: ", ")
            }
            var steps: [String] = []
            if files.contains(where: { $0.content == .periodTable }) { steps.append("add this period's rows to \(names(.periodTable))") }
            if files.contains(where: { $0.content == .cumulativeTable }) { steps.append("update the running totals in \(names(.cumulativeTable))") }
            if files.contains(where: { $0.content == .figures }) { steps.append("fill in every value in \(names(.figures))") }
            steps.append("update the narrative in report.md")
            steps.append("run `\(checkCommand)` until it reports no errors")
            text += "\nnext steps:\n"
            for (index, step) in steps.enumerated() { text += "  \(index + 1). \(step)\n" }
            return text
        }
    }

    /// Creates `content/<series>/<period>/` from the series' latest period and returns the paths
    /// written, relative to the project root.
    public static func create(projectRoot: String, series: String, period: String) throws(DiagnosticError) -> [String] {
        try start(projectRoot: projectRoot, series: series, period: period).files.map(\.path)
    }

    /// Creates `content/<series>/<period>/` from the series' latest period; see ``NewPeriod``.
    public static func start(projectRoot: String, series slug: String, period name: String) throws(DiagnosticError) -> Created {
        if let problem = periodNameProblem(name) { throw DiagnosticError(problem) }
        let project = try Project.load(root: projectRoot)
        guard let series = project.series(named: slug) else {
            let nearest = Suggestions.nearest(to: slug, in: project.series.map(\.config.slug))
            let known = project.series.map(\.config.slug)
            throw DiagnosticError(Diagnostic(
                at: SourceLocation(file: "content/\(slug)"), "there is no series '\(slug)'",
                hint: nearest.map { "did you mean '\($0)'?" }
                    ?? (known.isEmpty ? "series are the folders of content/, and there are none yet"
                                      : "series are the folders of content/: \(known.joined(separator: ", "))")))
        }
        let seriesFolder = "content/\(slug)"
        guard let latest = series.periods.last else {
            throw DiagnosticError(Diagnostic(
                at: SourceLocation(file: seriesFolder), "the series '\(slug)' has no period yet",
                hint: "sitrep new starts a period from the latest one: create the first by hand, e.g. \(seriesFolder)/\(name)/report.md"))
        }
        let folder = "\(seriesFolder)/\(name)"
        let absolute = project.root + "/" + folder
        if FileManager.default.fileExists(atPath: absolute) {
            throw DiagnosticError(Diagnostic(
                at: SourceLocation(file: folder), "\(folder) already exists",
                hint: "sitrep new never overwrites a period. The latest period is \(latest.name) (\(latest.period.start) to \(latest.period.end)); "
                    + "name the next one after it, e.g. \(suggestedName(after: latest, existing: series.periods))"))
        }
        let end = PeriodFolder(name: name, path: folder)!.nominalEnd
        let start = latest.period.end.adding(days: 1)
        guard end > latest.period.end else {
            throw DiagnosticError(Diagnostic(
                at: SourceLocation(file: folder),
                "the period \(name) would end on \(end), which is not after the latest period \(latest.name) (ending \(latest.period.end))",
                hint: "the new period starts on \(start); name it after its end, e.g. \(suggestedName(after: latest, existing: series.periods))"))
        }
        guard start <= end else {
            throw DiagnosticError(Diagnostic(
                at: SourceLocation(file: folder), "the period \(name) would start on \(start), after its end (\(end))",
                hint: "a period starts the day after the latest one (\(latest.name)) ends"))
        }
        let period = Period(start: start, end: end)
        let files = try newFiles(from: latest, series: series.config, period: period, files: project.files)
        try write(files, to: absolute, seriesFolder: project.root + "/" + seriesFolder, name: name)
        return Created(series: slug, folder: folder, previous: latest.name, period: period,
                       files: files.map { CreatedFile(path: "\(folder)/\($0.name)", content: $0.content) })
    }

    /// The problem with a period folder name, or nil when it is `YYYY-MM` or `YYYY-MM-DD`.
    public static func periodNameProblem(_ name: String) -> Diagnostic? {
        guard PeriodFolder(name: name, path: name) == nil else { return nil }
        return Diagnostic(
            at: nil, "'\(name)' is not a period folder name",
            hint: "write YYYY-MM for a calendar month (e.g. 2022-07) or YYYY-MM-DD for a period ending that day (e.g. 2022-06-23)")
    }

    /// A name for the period after `latest`: the month holding its first day, or the month after
    /// when that one is taken or ends too early.
    static func suggestedName(after latest: PeriodFolder, existing: [PeriodFolder]) -> String {
        let start = latest.period.end.adding(days: 1)
        var month = Day(year: start.year, month: start.month, day: 1)!
        while existing.contains(where: { $0.name == monthName(month) }) || month.endOfMonth <= latest.period.end {
            month = month.endOfMonth.adding(days: 1)
        }
        return monthName(month)
    }

    private static func monthName(_ day: Day) -> String { String(day.description.prefix(7)) }

    // MARK: Files

    private struct NewFile {
        var name: String
        var bytes: [UInt8]
        var content: Content
    }

    /// The new folder's files, computed in memory; every problem in the latest folder is reported together.
    private static func newFiles(from latest: PeriodFolder, series: SeriesConfig, period: Period,
                                 files projectFiles: ContentFiles) throws(DiagnosticError) -> [NewFile] {
        let names = try projectFiles.list(latest.path)
        var problems: [Diagnostic] = []
        var report: NewFile?
        var tables: [NewFile] = []
        var figures: [NewFile] = []
        for name in names {
            let file = "\(latest.path)/\(name)"
            guard projectFiles.exists(file), !projectFiles.isDirectory(file) else { continue }
            do {
                if name == "report.md" {
                    let text = try utf8Text(projectFiles.read(file), file: file)
                    report = NewFile(name: name, bytes: Array(try newReport(text, period: period, file: file).utf8), content: .report)
                } else if name.lowercased().hasSuffix(".csv") {
                    let table = String(name.dropLast(4))
                    let bytes = try projectFiles.read(file)
                    if series.declaration(for: table).measure.reported == .cumulative {
                        tables.append(NewFile(name: name, bytes: bytes, content: .cumulativeTable))
                    } else {
                        tables.append(NewFile(name: name, bytes: try headerOnly(bytes, file: file), content: .periodTable))
                    }
                } else if name == "figures.yml" || name == "figures.yaml" {
                    let text = try utf8Text(projectFiles.read(file), file: file)
                    figures.append(NewFile(name: name, bytes: Array(blankFigures(text).utf8), content: .figures))
                }
            } catch { problems += error.diagnostics }
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
        // Project.load has checked that report.md exists.
        guard let report else {
            throw DiagnosticError(Diagnostic(at: SourceLocation(file: latest.path), "the period folder has no report.md"))
        }
        return [report] + tables + figures
    }

    private static func utf8Text(_ bytes: [UInt8], file: String) throws(DiagnosticError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DiagnosticError(Diagnostic(at: SourceLocation(file: file), "the file is not valid UTF-8",
                                             hint: "save it as UTF-8 (in an editor: encoding UTF-8), then run sitrep new again"))
        }
        return text
    }

    /// Writes the files into a hidden staging folder beside the new one, then renames it into place.
    private static func write(_ files: [NewFile], to destination: String, seriesFolder: String, name: String) throws(DiagnosticError) {
        let manager = FileManager.default
        let prefix = ".\(name).new-"
        removeStaleStaging(in: seriesFolder, prefix: prefix)
        let staging = seriesFolder + "/" + prefix + String(getpid())
        var finished = false
        defer { if !finished { try? manager.removeItem(atPath: staging) } }
        let relative = "content/" + (seriesFolder as NSString).lastPathComponent + "/" + name
        do {
            try? manager.removeItem(atPath: staging)
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: false)
            for file in files {
                try Data(file.bytes).write(to: URL(fileURLWithPath: staging + "/" + file.name))
            }
        } catch {
            throw DiagnosticError(Diagnostic(at: SourceLocation(file: relative), "cannot write the new period: \(error.localizedDescription)"))
        }
        do {
            // Refuses an existing destination (checked again here: another run may have made it).
            try manager.moveItem(atPath: staging, toPath: destination)
            finished = true
        } catch {
            throw DiagnosticError(Diagnostic(
                at: SourceLocation(file: relative), "cannot create the folder: \(error.localizedDescription)",
                hint: manager.fileExists(atPath: destination) ? "the folder appeared while sitrep new ran; remove it or pick another name" : nil))
        }
    }

    /// Removes staging folders left by runs that were killed.
    private static func removeStaleStaging(in folder: String, prefix: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            if let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) == 0 { continue }
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
    }

    // MARK: report.md

    /// The report with `period:` and `as_of:` set to `period` (added after `title:` when absent)
    /// and the values of a front matter `figures:` block blanked; every other byte is kept.
    static func newReport(_ text: String, period: Period, file: String) throws(DiagnosticError) -> String {
        let lines = splitLines(text)
        func isFence(_ line: String, closing: Bool) -> Bool {
            var body = Substring(stripCR(line).body)
            if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
            while body.last == " " || body.last == "\t" { body = body.dropLast() }
            return body == "---" || closing && body == "..."
        }
        guard let first = lines.first, isFence(first, closing: false),
              let closing = lines.indices.dropFirst().first(where: { isFence(lines[$0], closing: true) }) else {
            throw DiagnosticError(Diagnostic(
                at: SourceLocation(file: file, line: 1, column: 1), "report.md has no front matter between two `---` lines",
                hint: "start the file with a YAML block between two `---` lines holding at least `title:`"))
        }
        let cr = stripCR(first).cr
        let periodLine = "period: {start: \(period.start), end: \(period.end)}" + cr
        let asOfLine = "as_of: \(period.end)" + cr

        // Top-level entries: a key line and the lines that continue it.
        var entries: [(key: String?, lines: ArraySlice<String>)] = []
        var index = 1
        while index < closing {
            guard let key = topLevelKey(lines[index]) else {
                entries.append((nil, lines[index...index]))
                index += 1
                continue
            }
            var end = index + 1
            while end < closing {
                if continuesEntry(lines[end]) {
                    end += 1
                } else if isBlank(lines[end]), let next = (end..<closing).first(where: { !isBlank(lines[$0]) }), continuesEntry(lines[next]) {
                    end = next + 1
                } else {
                    break
                }
            }
            entries.append((key, lines[index..<end]))
            index = end
        }
        let keys = Set(entries.compactMap(\.key))
        var missing: [String] = []
        if !keys.contains("period") { missing.append(periodLine) }
        if !keys.contains("as_of") { missing.append(asOfLine) }

        var output = [first]
        if !keys.contains("title") { output += missing }
        for entry in entries {
            switch entry.key {
            case "period": output.append(periodLine)
            case "as_of": output.append(asOfLine)
            case "figures": output += blankFigureLines(Array(entry.lines))
            case "title":
                output += entry.lines
                output += missing
            default: output += entry.lines
            }
        }
        output += lines[closing...]
        return output.joined(separator: "\n")
    }

    /// The key of a line that starts a top-level entry (`title: ...`), or nil.
    private static func topLevelKey(_ line: String) -> String? {
        let scalars = Array(stripCR(line).body.unicodeScalars)
        guard let first = scalars.first, first != " ", first != "\t", first != "#", first != "-" else { return nil }
        guard let colon = keyColon(scalars, from: 0) else { return nil }
        var key = String(String.UnicodeScalarView(scalars[..<colon]))
        while key.last == " " { key.removeLast() }
        if key.count >= 2, let quote = key.first, quote == "\"" || quote == "'", key.last == quote {
            key = String(key.dropFirst().dropLast())
        }
        return key
    }

    /// Whether a front matter line belongs to the entry above it: indented, or a list item.
    private static func continuesEntry(_ line: String) -> Bool {
        guard let first = line.unicodeScalars.first else { return false }
        return (first == " " || first == "\t" || first == "-") && !isBlank(line)
    }

    // MARK: Tables

    /// The header line of a CSV file, as written (quotes and spacing kept), with its line end.
    /// The file is read first so that a broken table is reported now rather than copied. A UTF-8
    /// byte order mark is kept; UTF-16 is written as UTF-8 with a byte order mark.
    static func headerOnly(_ bytes: [UInt8], file: String) throws(DiagnosticError) -> [UInt8] {
        let document = try CSVReader.read(bytes, file: file)
        let source = document.source
        let cr: UInt8 = 0x0D, lf: UInt8 = 0x0A, quote = UInt8(ascii: "\"")
        var index = 0
        var line = 1
        while line < document.headerLine, index < source.count {
            if source[index] == cr {
                if index + 1 < source.count, source[index + 1] == lf { index += 1 }
                line += 1
            } else if source[index] == lf {
                line += 1
            }
            index += 1
        }
        var end = index
        var quoted = false
        while end < source.count {
            let byte = source[end]
            if byte == quote { quoted.toggle() } else if !quoted, byte == cr || byte == lf { break }
            end += 1
        }
        var lineEnd: [UInt8] = [lf]
        if end < source.count {
            lineEnd = source[end] == cr && end + 1 < source.count && source[end + 1] == lf ? [cr, lf] : [source[end]]
        }
        let marked = bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        return (marked ? [0xEF, 0xBB, 0xBF] : []) + source[index..<end] + lineEnd
    }

    // MARK: Figures

    /// Option keys of a figure written as a map with `value:`; kept, since they are settings, not figures.
    static let optionKeys: Set<String> = ["approximate", "tolerance"]

    /// `figures.yml` with every value blanked, line by line: `key: value  # note` becomes
    /// `key:  # note` (the comment stays in its column); list items (`- Gomel`) and the lines
    /// continuing a multi-line value are removed; a flow list (`[a, b]`) is removed; in a flow
    /// map (`{a: 1, b: 2}`) each value is blanked (`{a: , b: }`). Keys, comments, blank lines and
    /// parent keys are kept. `approximate:` and `tolerance:` beside a `value:` keep their values.
    static func blankFigures(_ text: String) -> String {
        blankFigureLines(splitLines(text)).joined(separator: "\n")
    }

    static func blankFigureLines(_ lines: [String]) -> [String] {
        let parsed = lines.map { line -> (indent: Int, key: String?) in
            let scalars = Array(stripCR(line).body.unicodeScalars)
            let indent = scalars.prefix { $0 == " " || $0 == "\t" }.count
            if indent == scalars.count || scalars[indent] == "#" { return (indent, nil) }
            return (indent, keyColon(scalars, from: indent).map { plainKey(scalars[indent..<$0]) })
        }
        /// Whether the mapping holding line `index` also has a `value:` key.
        func hasValueSibling(_ index: Int) -> Bool {
            let indent = parsed[index].indent
            func scan(_ range: some Sequence<Int>) -> Bool {
                for other in range where !isBlank(lines[other]) && parsed[other].key != nil || isItem(lines[other]) {
                    if parsed[other].indent < indent { return false }
                    if parsed[other].indent == indent, parsed[other].key == "value" { return true }
                }
                return false
            }
            return scan((0..<index).reversed()) || scan((index + 1)..<lines.count)
        }

        var result: [String] = []
        var dropDeeperThan: Int?
        for (index, line) in lines.enumerated() {
            let (body, cr) = stripCR(line)
            let scalars = Array(body.unicodeScalars)
            let indent = parsed[index].indent
            if isBlank(line) {
                result.append(line)
                continue
            }
            if let limit = dropDeeperThan {
                if indent > limit { continue }
                dropDeeperThan = nil
            }
            if scalars[indent] == "#" || indent == 0 && (body.hasPrefix("---") || body.hasPrefix("...") || body.hasPrefix("%")) {
                result.append(line)
                continue
            }
            if isItem(line) {
                dropDeeperThan = indent
                continue
            }
            guard let colon = keyColon(scalars, from: indent), let key = parsed[index].key else {
                result.append(line)
                continue
            }
            let comment = commentStart(scalars, from: colon + 1)
            let value = trimmed(scalars[(colon + 1)..<(comment ?? scalars.count)])
            if value.isEmpty
                || (value.first == "&" || value.first == "!") && !value.contains(" ") && !value.contains("\t")
                || optionKeys.contains(key) && hasValueSibling(index) {
                result.append(line)
                continue
            }
            var kept = Array(scalars[...colon])
            if value.first == "{", value.last == "}", let blanked = blankFlowMap(value) {
                kept += [" "] + blanked
            } else {
                dropDeeperThan = indent
            }
            if let comment {
                kept += Array(repeating: " ", count: max(1, comment - kept.count)) + scalars[comment...]
            }
            result.append(String(String.UnicodeScalarView(kept)) + cr)
        }
        return result
    }

    /// A one-line flow map with each value blanked, nested maps blanked in turn; nil when it
    /// cannot be taken apart.
    private static func blankFlowMap(_ map: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        guard map.count >= 2 else { return nil }
        let inner = Array(map[1..<(map.count - 1)])
        var entries: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        var depth = 0
        var quote: Unicode.Scalar?
        for scalar in inner {
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == "{" || scalar == "[" {
                depth += 1
            } else if scalar == "}" || scalar == "]" {
                depth -= 1
            } else if scalar == ",", depth == 0 {
                entries.append(current)
                current = []
                continue
            }
            current.append(scalar)
        }
        guard quote == nil, depth == 0 else { return nil }
        entries.append(current)
        let split = entries.map { entry -> (key: [Unicode.Scalar], value: [Unicode.Scalar])? in
            let entry = trimmed(entry[...])
            guard let colon = keyColon(entry, from: 0) else { return nil }
            return (trimmed(entry[..<colon]), trimmed(entry[(colon + 1)...]))
        }
        let hasValue = split.contains { $0.map { plainKey($0.key[...]) == "value" } ?? false }
        var parts: [[Unicode.Scalar]] = []
        for (raw, pair) in zip(entries, split) {
            guard let pair else {
                let entry = trimmed(raw[...])
                if !entry.isEmpty { parts.append(entry) }   // a key without a value: already blank
                continue
            }
            let key = plainKey(pair.key[...])
            if pair.value.isEmpty || hasValue && optionKeys.contains(key) {
                parts.append(pair.key + (pair.value.isEmpty ? [":", " "] : [":", " "] + pair.value))
            } else if pair.value.first == "{", pair.value.last == "}", let nested = blankFlowMap(pair.value) {
                parts.append(pair.key + [":", " "] + nested)
            } else {
                parts.append(pair.key + [":", " "])
            }
        }
        var result: [Unicode.Scalar] = ["{"]
        for (offset, part) in parts.enumerated() {
            if offset > 0 { result += [",", " "] }
            result += part
        }
        return result + ["}"]
    }

    // MARK: Line scanning

    private static func splitLines(_ text: String) -> [String] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
    }

    /// The line without a final carriage return, and that return ("" when there was none).
    private static func stripCR(_ line: String) -> (body: String, cr: String) {
        guard line.unicodeScalars.last == "\r" else { return (line, "") }
        return (String(String.UnicodeScalarView(line.unicodeScalars.dropLast())), "\r")
    }

    private static func isBlank(_ line: String) -> Bool {
        line.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
    }

    /// Whether the line is a block list item (`- Gomel`, `-`).
    private static func isItem(_ line: String) -> Bool {
        let scalars = Array(stripCR(line).body.unicodeScalars).drop { $0 == " " || $0 == "\t" }
        guard scalars.first == "-" else { return false }
        let next = scalars.dropFirst().first
        return next == nil || next == " " || next == "\t"
    }

    /// The index of the colon ending a mapping key that starts at `start`: a quoted key followed
    /// by `:`, or the first `:` followed by a space or the line end; nil when the line holds no key.
    private static func keyColon(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start < scalars.count else { return nil }
        var index = start
        let first = scalars[start]
        if first == "\"" || first == "'" {
            index += 1
            while index < scalars.count {
                if first == "\"", scalars[index] == "\\" { index += 2; continue }
                if scalars[index] == first {
                    if first == "'", index + 1 < scalars.count, scalars[index + 1] == "'" { index += 2; continue }
                    break
                }
                index += 1
            }
            index += 1
            while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
            guard index < scalars.count, scalars[index] == ":" else { return nil }
            return index + 1 == scalars.count || scalars[index + 1] == " " || scalars[index + 1] == "\t" ? index : nil
        }
        if first == "{" || first == "[" || first == "?" || first == "|" || first == ">" { return nil }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "#", index > start, scalars[index - 1] == " " || scalars[index - 1] == "\t" { return nil }
            if scalar == ":", index + 1 == scalars.count || scalars[index + 1] == " " || scalars[index + 1] == "\t" { return index }
            index += 1
        }
        return nil
    }

    /// The index of the `#` starting a comment at or after `start`, outside quotes; nil when none.
    private static func commentStart(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var quote: Unicode.Scalar?
        var index = start
        while index < scalars.count {
            let scalar = scalars[index]
            if let open = quote {
                if open == "\"", scalar == "\\" { index += 2; continue }
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                if index == start || [" ", "\t", "{", "[", ","].contains(scalars[index - 1]) { quote = scalar }
            } else if scalar == "#", index == start || scalars[index - 1] == " " || scalars[index - 1] == "\t" {
                return index
            }
            index += 1
        }
        return nil
    }

    private static func trimmed(_ scalars: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        Array(scalars.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    /// A key's name: trimmed, without the quotes of a quoted key.
    private static func plainKey(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var key = trimmed(scalars)
        if key.count >= 2, key.first == "\"" || key.first == "'", key.last == key.first {
            key = Array(key.dropFirst().dropLast())
        }
        return String(String.UnicodeScalarView(key))
    }
}
