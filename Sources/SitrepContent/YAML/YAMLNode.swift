import SitrepDiagnostics
internal import Yams

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
    /// larger file (front matter). An empty document gives an empty mapping.
    /// Anchors and aliases are refused before anything is composed (see ``YAMLAnchorCheck``); a
    /// Ctrl-Z (0x1A) at the very end is dropped.
    public static func parse(_ text: String, file: String, lineOffset: Int = 0) throws(DiagnosticError) -> YAMLNode {
        // A Ctrl-Z at the very end is the DOS end-of-file mark, not content.
        let text = text.utf8.last == 0x1A ? String(text.dropLast()) : text
        if let found = YAMLAnchorCheck.first(in: text) {
            throw DiagnosticError(anchorRefused(
                at: SourceLocation(file: file, line: found.line + lineOffset, column: found.column),
                sourceLine: Diagnostic.sourceLine(found.line, of: text)))
        }
        let root: Node?
        do {
            // sitrep types scalars itself: no tag regexes. The encoding is given because Yams's
            // default reads the whole process environment on every call.
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw DiagnosticError(diagnostic(for: error, text: text, file: file, lineOffset: lineOffset))
        } catch {
            throw DiagnosticError(Diagnostic(at: SourceLocation(file: file), "cannot read YAML: \(error)"))
        }
        guard let root else {
            return YAMLNode(kind: .mapping([]), location: SourceLocation(file: file, line: 1 + lineOffset, column: 1))
        }
        return try convert(root, file: file, lineOffset: lineOffset)
    }

    private static func convert(_ node: Node, file: String, lineOffset: Int) throws(DiagnosticError) -> YAMLNode {
        let location = SourceLocation(
            file: file,
            line: node.mark.map { $0.line + lineOffset },
            column: node.mark?.column
        )
        switch node {
        case .scalar(let scalar):
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
                || scalar.style == .literal || scalar.style == .folded
            return YAMLNode(kind: .scalar(scalar.string, quoted: quoted), location: location)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            for item in sequence { items.append(try convert(item, file: file, lineOffset: lineOffset)) }
            return YAMLNode(kind: .sequence(items), location: location)
        case .mapping(let mapping):
            var entries: [(key: String, keyLocation: SourceLocation, value: YAMLNode)] = []
            for (key, value) in mapping {
                let keyNode = try convert(key, file: file, lineOffset: lineOffset)
                guard let name = keyNode.scalar else {
                    throw DiagnosticError(Diagnostic(at: keyNode.location, "a key must be a plain name, not a list or a map"))
                }
                if let earlier = entries.first(where: { $0.key == name }) {
                    throw DiagnosticError(Diagnostic(
                        at: keyNode.location, "the key '\(name)' appears twice",
                        hint: "it is already set at line \(earlier.keyLocation.line ?? 0); keep one of them"))
                }
                entries.append((name, keyNode.location, try convert(value, file: file, lineOffset: lineOffset)))
            }
            return YAMLNode(kind: .mapping(entries), location: location)
        case .alias:
            throw DiagnosticError(anchorRefused(at: location, sourceLine: nil))
        }
    }

    private static func anchorRefused(at location: SourceLocation, sourceLine: String?) -> Diagnostic {
        Diagnostic(at: location, "YAML anchors and aliases (&name, *name) are not supported",
                   hint: "write the value out in full; to start a text value with & or *, put it in quotes",
                   sourceLine: sourceLine)
    }

    private static func diagnostic(for error: YamlError, text: String, file: String, lineOffset: Int) -> Diagnostic {
        func located(_ problem: String, _ mark: Mark, _ context: YamlError.Context?) -> Diagnostic {
            let sourceLine = Diagnostic.sourceLine(mark.line, of: text)
            var message = "YAML syntax error: \(problem)"
            if let context { message += " \(context.text)" }
            return Diagnostic(
                at: SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column),
                message,
                hint: "check the indentation and that every `key: value` has a space after the colon; quote values that contain ': ' or start with a special character",
                sourceLine: sourceLine)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return located(problem, mark, context)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            let line = context.mark.line
            return Diagnostic(
                at: SourceLocation(file: file, line: line + lineOffset, column: context.mark.column),
                "the key \(names) appears twice in the same map",
                hint: "keep one of them: a figure or setting can have one value only",
                sourceLine: Diagnostic.sourceLine(line, of: text))
        case .reader(let problem, let offset, _, _):
            return Diagnostic(at: SourceLocation(file: file), "cannot read YAML: \(problem)" + (offset.map { " at byte \($0)" } ?? ""),
                              hint: "save the file as UTF-8")
        default:
            return Diagnostic(at: SourceLocation(file: file), "cannot read YAML: \(error)")
        }
    }
}
