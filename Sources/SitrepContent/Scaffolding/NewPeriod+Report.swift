import SitrepDiagnostics

/// The new period's `report.md`: the previous one with new dates.
extension NewPeriod {
    /// The report with `period:` and `as_of:` set to `period` (added after `title:` when absent)
    /// and the values of a front matter `figures:` block blanked; every other byte is kept.
    static func newReport(_ text: String, period: Period, file: String) throws(DiagnosticError) -> String {
        let lines = YAMLLines.splitLines(text)
        func isFence(_ line: String, closing: Bool) -> Bool {
            var body = Substring(YAMLLines.stripCR(line).body)
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
        let cr = YAMLLines.stripCR(first).cr
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
                } else if YAMLLines.isBlank(lines[end]), let next = (end..<closing).first(where: { !YAMLLines.isBlank(lines[$0]) }), continuesEntry(lines[next]) {
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
        let scalars = Array(YAMLLines.stripCR(line).body.unicodeScalars)
        guard let first = scalars.first, first != " ", first != "\t", first != "#", first != "-" else { return nil }
        guard let colon = YAMLLines.keyColon(scalars, from: 0) else { return nil }
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
        return (first == " " || first == "\t" || first == "-") && !YAMLLines.isBlank(line)
    }
}
