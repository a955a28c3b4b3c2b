/// Where something is in a content or template file: a path, and a 1-based line and column
/// when the problem can be pinned to one, or a place named by the file's own reader (a cell of a
/// workbook).
public struct SourceLocation: Sendable, Hashable {
    /// The path as the user would type it, relative to the project where possible.
    public var file: String
    public var line: Int?
    public var column: Int?
    /// A place in a file that has no lines, as its reader names it: `sheet 'Arrivals', cell C7`.
    /// Shown after the file in place of a line and column.
    public var place: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, place: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.place = place
    }

    /// `file:line:col`, leaving out what is not known; `file: place` for a named place.
    public var description: String {
        if let place { return file + ": " + place }
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }
}

/// One problem found in the user's content, worded for a reporting officer: what is wrong,
/// where, and how to fix it.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error, warning
    }

    public var severity: Severity
    public var location: SourceLocation?
    /// What is wrong, in one sentence.
    public var message: String
    /// How to fix it, when there is something useful to say.
    public var hint: String?
    /// The text of the offending line, shown with a caret under the column.
    public var sourceLine: String?

    public init(
        _ severity: Severity = .error,
        at location: SourceLocation?,
        _ message: String,
        hint: String? = nil,
        sourceLine: String? = nil
    ) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
        self.sourceLine = sourceLine
    }

    /// Compiler-style text: `file:line:col: error: message`, then the source line with a caret,
    /// then the hint. Control characters and invisible ones from the user's files are shown
    /// escaped (`\u{1B}`), never raw, so that a value cannot drive the terminal.
    public var description: String {
        var text = ""
        if let location { text += "\(location.description.shownInTerminal()): " }
        text += "\(severity.rawValue): \(message.shownInTerminal())"
        if let sourceLine {
            text += "\n    \(sourceLine.shownInTerminal())"
            if let column = location?.column, column >= 1 {
                let prefix = String(sourceLine.prefix(column - 1)).shownInTerminal()
                text += "\n    " + String(repeating: " ", count: prefix.count) + "^"
            }
        }
        if let hint {
            text += "\n    hint: " + hint.split(separator: "\n", omittingEmptySubsequences: false)
                .map { String($0).shownInTerminal() }.joined(separator: "\n          ")
        }
        return text
    }
}

/// One or more diagnostics that stop a stage. Stages collect every problem they can find
/// before throwing, so that the officer can fix them all in one go.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

extension String {
    /// The text with tabs as four spaces, and control characters (line breaks included),
    /// zero width characters and bidirectional overrides escaped as `\u{1B}`.
    fileprivate func shownInTerminal() -> String {
        guard utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 >= 0xC2 }) else { return self }
        var result = ""
        for scalar in unicodeScalars {
            if scalar == "\t" {
                result += "    "
            } else if scalar.properties.generalCategory == .control || Self.invisibleFormat.contains(scalar.value) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Zero width characters, the byte order mark and the bidirectional embeddings, overrides
    /// and isolates, which can hide or reorder what a terminal shows.
    private static let invisibleFormat: Set<UInt32> = [
        0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF,
        0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
    ]
}

extension Diagnostic {
    /// Line `number` (1-based) of `text` without its line end, LF or CRLF, to quote under a
    /// message; nil when there is no such line. Lines are cut at LF bytes: splitting by
    /// Character would take CR LF for one character and never cut a file saved on Windows.
    public static func sourceLine(_ number: Int, of text: String) -> String? {
        guard number >= 1 else { return nil }
        let utf8 = text.utf8
        var start = utf8.startIndex
        for _ in 1..<number {
            guard let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            start = utf8.index(after: end)
        }
        var end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
        if end > start, utf8[utf8.index(before: end)] == UInt8(ascii: "\r") { end = utf8.index(before: end) }
        return String(text[start..<end])
    }
}
