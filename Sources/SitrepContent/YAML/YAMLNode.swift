import SitrepDiagnostics

/// A YAML value with the position it was written at, so that every later complaint about a
/// configuration or figure file can point at the exact line and column.
public struct YAMLNode: Sendable {
    public enum Kind: Sendable {
        /// A scalar; `quoted` is true when it was written in quotes, so `"6000"` stays text.
        case scalar(String, quoted: Bool)
        case mapping([(key: String, keyLocation: SourceLocation, value: YAMLNode)])
        case sequence([YAMLNode])
    }

    public var kind: Kind
    public var location: SourceLocation

    /// The scalar's text, if this is a scalar.
    public var scalar: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    /// The entries of a mapping, in the order written.
    public var entries: [(key: String, keyLocation: SourceLocation, value: YAMLNode)]? {
        if case .mapping(let entries) = kind { return entries }
        return nil
    }

    /// The value for `key` in a mapping.
    public subscript(key: String) -> YAMLNode? {
        entries?.first(where: { $0.key == key })?.value
    }

    /// Where a scalar's text starts: after the quote of a quoted one.
    public var textLocation: SourceLocation {
        guard case .scalar(_, quoted: true) = kind, let column = location.column else { return location }
        return SourceLocation(file: location.file, line: location.line, column: column + 1)
    }

    /// True for a plain `~`, `null` or empty scalar.
    public var isNull: Bool {
        if case .scalar(let text, let quoted) = kind, !quoted {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }

    /// Parses one YAML document. `lineOffset` is added to every line, for YAML embedded in a
    /// larger file (front matter). An empty stream gives an empty mapping. Anchors and aliases
    /// are refused at the first one, before anything could be expanded (see
    /// ``YAMLEventReader``); a byte order mark at the start and a Ctrl-Z (0x1A) at the very end
    /// are dropped.
    public static func parse(_ text: String, file: String, lineOffset: Int = 0) throws(DiagnosticError) -> YAMLNode {
        var text = text
        // libyaml counts a byte order mark as a column, so the first key would be indented
        // deeper than the next; editors on Windows write one.
        if text.utf8.starts(with: [0xEF, 0xBB, 0xBF]) { text = String(text.unicodeScalars.dropFirst()) }
        // A Ctrl-Z at the very end is the DOS end-of-file mark, not content.
        if text.utf8.last == 0x1A { text = String(text.dropLast()) }
        guard let root = try YAMLEventReader.read(text, file: file, lineOffset: lineOffset) else {
            return YAMLNode(kind: .mapping([]), location: SourceLocation(file: file, line: 1 + lineOffset, column: 1))
        }
        return root
    }
}
