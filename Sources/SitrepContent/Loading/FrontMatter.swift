import SitrepDiagnostics

/// Splits `report.md` into its YAML front matter and its Markdown narrative.
public enum FrontMatter {
    /// The two parts of a report file, with the line offsets that keep positions true.
    public struct Parts: Sendable {
        public var yaml: String
        /// Lines before the YAML text (the opening `---`).
        public var yamlLineOffset: Int
        public var narrative: String
        /// Lines before the narrative (front matter and both fences).
        public var narrativeLineOffset: Int
    }

    static let example = "---\ntitle: \"Belarus: response to the war in Ukraine\"\nperiod: {start: 2022-05-27, end: 2022-06-09}\n---"

    /// Splits `text`; a file without front matter, or with an unclosed one, is an error.
    public static func split(_ text: String, file: String) throws(DiagnosticError) -> Parts {
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        func isFence(_ line: Substring) -> Bool {
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            return trimmed.trimmingTrailingSpaces() == "---"
        }
        guard let first = lines.first, isFence(first) else {
            throw DiagnosticError(Diagnostic(
                at: SourceLocation(file: file, line: 1, column: 1),
                "report.md has no front matter",
                hint: "start the file with a YAML block between two `---` lines, e.g.\n\(example)",
                sourceLine: lines.first.map(String.init)))
        }
        guard let closing = lines.indices.dropFirst().first(where: { isFence(lines[$0]) || lines[$0].hasPrefix("...") && lines[$0].trimmingTrailingSpaces() == "..." }) else {
            throw DiagnosticError(Diagnostic(
                at: SourceLocation(file: file, line: 1, column: 1),
                "the front matter is not closed",
                hint: "end the YAML block with a line that holds only `---`"))
        }
        return Parts(
            yaml: lines[1..<closing].joined(separator: "\n"),
            yamlLineOffset: 1,
            narrative: lines[(closing + 1)...].joined(separator: "\n"),
            narrativeLineOffset: closing + 1)
    }
}

extension Substring {
    fileprivate func trimmingTrailingSpaces() -> Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
