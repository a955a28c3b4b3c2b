import SitrepDiagnostics

/// One Mustache layout or partial, parsed: text, variables (`{{x}}` escaped, `{{{x}}}` and
/// `{{& x}}` raw), sections (`{{#x}}…{{/x}}`), inverted sections (`{{^x}}…{{/x}}`), partials
/// (`{{> name}}`), comments (`{{! … }}`) and delimiter changes (`{{=<% %>=}}`), with the
/// Mustache specification's rules for tags on a line of their own. Every tag keeps its line
/// and column, so that `LayoutPlan` can point at a name that does not fit the data.
public struct LayoutTemplate: Sendable {
    /// The file the template was read from, as messages show it.
    public let file: String
    /// The text, to quote the line of a problem found later.
    let text: String
    let nodes: [Node]

    /// Parses `text`, read from `file`. Throws a located error for a tag that is not closed,
    /// a section that is not closed or closed with another name, a name that is not one, and
    /// the Mustache features sitrep does not support.
    public init(_ text: String, file: String) throws(DiagnosticError) {
        self.file = file
        self.text = text
        var scanner = Scanner(text, file: file)
        let tokens = try scanner.tokens()
        nodes = try Self.tree(of: Self.removingStandaloneLines(tokens), file: file, text: text)
    }

    /// Where a tag is: 1-based line, and column counted in characters.
    struct Location: Sendable, Hashable {
        var line: Int
        var column: Int
    }

    /// A name as a tag writes it: `report.title`, `.`, `empty(report.notes)`, `last()`.
    struct Name: Sendable, Hashable {
        /// As written, without the spaces around it.
        var written: String
        /// The dotted parts; empty for `.`, the current item.
        var path: [String]
        /// The transforms, outermost first: `first(reversed(x))` is `["first", "reversed"]`.
        var transforms: [String]
        /// `first()` and the like: a test of the position in the list being iterated.
        var isPosition: Bool
        /// Where the name starts.
        var location: Location
    }

    indirect enum Node: Sendable {
        case text(String)
        /// The start of a line of the template: where a partial included on a line of its own
        /// adds its indentation.
        case lineStart
        case variable(Name, raw: Bool)
        case section(Name, inverted: Bool, [Node])
        case partial(String, indentation: String, at: Location)
    }

    /// A located error in this template.
    func problem(at location: Location, _ message: String, hint: String?) -> Diagnostic {
        Self.problem(in: file, text: text, at: location, message, hint: hint)
    }

    static func problem(in file: String, text: String, at location: Location, _ message: String, hint: String?) -> Diagnostic {
        Diagnostic(at: SourceLocation(file: file, line: location.line, column: location.column), message,
                   hint: hint, sourceLine: Diagnostic.sourceLine(location.line, of: text))
    }
}
