import SitrepDiagnostics

/// Splits `report.md` into its YAML front matter and its Markdown narrative.
public enum FrontMatter {
    /// The two parts of a report file, with the line offsets that keep positions true.
    public struct Parts: Sendable {
        public var yaml: String
        /// Lines before the YAML text (the opening `---`).
        public var yamlLineOffset: Int
        /// The Markdown after the closing fence, copied out only when asked for: the series
        /// outline reads every report's front matter and never its narrative.
        public var narrative: String { String(text[narrativeStart...]) }
        /// Lines before the narrative (front matter and both fences).
        public var narrativeLineOffset: Int
        let text: String
        let narrativeStart: String.Index
    }

    static let example = "---\ntitle: \"Belarus: response to the war in Ukraine\"\nperiod: {start: 2022-05-27, end: 2022-06-09}\n---"

    /// Splits `text`; a file without front matter, or with an unclosed one, is an error.
    /// Works on UTF-8 bytes, line by line, and accepts LF and CRLF line ends.
    public static func split(_ text: String, file: String) throws(DiagnosticError) -> Parts {
        let utf8 = text.utf8
        var start = utf8.startIndex
        if utf8.starts(with: [0xEF, 0xBB, 0xBF]) { start = utf8.index(start, offsetBy: 3) }
        var lines = 0
        var cursor = start
        var yamlStart: String.Index?
        while cursor < utf8.endIndex {
            let lineEnd = utf8[cursor...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let line = utf8[cursor..<lineEnd]
            let next = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
            lines += 1
            if let yamlStart {
                if isFence(line, "---") || isFence(line, "...") {
                    return Parts(yaml: String(text[yamlStart..<cursor]), yamlLineOffset: 1,
                                 narrativeLineOffset: lines, text: text, narrativeStart: next)
                }
            } else {
                guard isFence(line, "---") else {
                    throw DiagnosticError(Diagnostic(
                        at: SourceLocation(file: file, line: 1, column: 1),
                        "report.md has no front matter",
                        hint: "start the file with a YAML block between two `---` lines, e.g.\n\(example)",
                        sourceLine: line.isEmpty ? nil : String(Substring(line))))
                }
                yamlStart = next
            }
            cursor = next
        }
        guard yamlStart != nil else {
            throw DiagnosticError(Diagnostic(
                at: SourceLocation(file: file, line: 1, column: 1), "report.md is empty",
                hint: "start the file with a YAML block between two `---` lines, e.g.\n\(example)"))
        }
        throw DiagnosticError(Diagnostic(
            at: SourceLocation(file: file, line: 1, column: 1),
            "the front matter is not closed",
            hint: "end the YAML block with a line that holds only `---`"))
    }

    /// True when `line` is `fence`, ignoring trailing spaces, tabs and a carriage return.
    private static func isFence(_ line: Substring.UTF8View, _ fence: StaticString) -> Bool {
        var end = line.endIndex
        while end > line.startIndex {
            let byte = line[line.index(before: end)]
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") else { break }
            end = line.index(before: end)
        }
        return line[line.startIndex..<end].elementsEqual(UnsafeBufferPointer(start: fence.utf8Start, count: fence.utf8CodeUnitCount))
    }
}
