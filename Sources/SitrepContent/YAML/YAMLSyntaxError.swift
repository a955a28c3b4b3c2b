internal import CYaml
import SitrepDiagnostics

/// The diagnostics for YAML that libyaml cannot read, or that sitrep refuses to, located in the
/// file (`lineOffset` lines come before the YAML text, for front matter).
enum YAMLSyntaxError {
    private static let hint = "check the indentation and that every `key: value` has a space after the colon; quote values that contain ': ' or start with a special character"

    /// libyaml's error: its problem and context, at the problem's line and column.
    static func diagnostic(for parser: yaml_parser_t, text: String, file: String, lineOffset: Int) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        switch parser.error {
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR, YAML_COMPOSER_ERROR:
            var message = "YAML syntax error: \(problem)"
            if let context = parser.context { message += " \(String(cString: context))" }
            let line = Int(parser.problem_mark.line) + 1
            return Diagnostic(
                at: SourceLocation(file: file, line: line + lineOffset, column: Int(parser.problem_mark.column) + 1),
                message, hint: hint, sourceLine: Diagnostic.sourceLine(line, of: text))
        case YAML_READER_ERROR:
            return Diagnostic(at: SourceLocation(file: file),
                              "cannot read YAML: \(problem) at byte \(parser.problem_offset)",
                              hint: "save the file as UTF-8")
        default:
            return Diagnostic(at: SourceLocation(file: file), "cannot read YAML: out of memory")
        }
    }

    /// A second document (after a `---` line) in a file that holds one.
    static func secondDocument(at mark: (line: Int, column: Int), in text: String, file: String, lineOffset: Int) -> Diagnostic {
        Diagnostic(
            at: SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column),
            "YAML syntax error: but found another document expected a single document in the stream",
            hint: hint, sourceLine: Diagnostic.sourceLine(mark.line, of: text))
    }

    /// An anchor (`&name`) or alias (`*name`): refused where it is written, before anything could
    /// be expanded (a dozen lines of nested aliases expand to billions of nodes).
    static func anchorRefused(at location: SourceLocation, in text: String, lineOffset: Int) -> Diagnostic {
        Diagnostic(at: location, "YAML anchors and aliases (&name, *name) are not supported",
                   hint: "write the value out in full; to start a text value with & or *, put it in quotes",
                   sourceLine: location.line.flatMap { Diagnostic.sourceLine($0 - lineOffset, of: text) })
    }
}
