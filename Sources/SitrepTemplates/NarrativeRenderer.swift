import SitrepContent
import SitrepDiagnostics
import SitrepFigures
import SitrepMarkdown

/// Renders a report's narrative to HTML: cmark parses the Markdown as written, then figures are
/// put into the syntax tree's text and data blocks are swapped for tables.
///
/// Because values go into text nodes after parsing, a value can never become Markdown or HTML
/// structure: `<script>`, `*x*` or `[a](javascript:x)` in a data file prints as those characters.
public struct NarrativeRenderer: Sendable {
    /// The page body, and any warnings about house style.
    public struct Output: Sendable {
        public var html: String
        public var warnings: [Diagnostic]
    }

    public var figures: FigureSet
    public var tables: [Table]
    public var style: LocaleStyle
    /// Titles declared for tables in series.yml, the default table captions.
    public var tableTitles: [String: String]

    public init(figures: FigureSet, tables: [Table], style: LocaleStyle, tableTitles: [String: String] = [:]) {
        self.figures = figures
        self.tables = tables
        self.style = style
        self.tableTitles = tableTitles
    }

    /// Renders `markdown` from `file`, whose first line is line `lineOffset + 1` of the file.
    /// Every placeholder and block is checked first; all problems are thrown together.
    public func render(_ markdown: String, file: String, lineOffset: Int) throws(DiagnosticError) -> Output {
        var problems: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        let values = evaluatePlaceholders(in: markdown, file: file, lineOffset: lineOffset, problems: &problems)

        let document = MarkdownDocument(parsing: markdown)
        document.consolidateText()
        for node in document.nodes() {
            switch node.kind {
            case .codeBlock where node.fenceInfo?.split(separator: " ").first == "sitrep-table":
                do {
                    let block = try TableBlock(yaml: node.literal ?? "", file: file, lineOffset: lineOffset + node.startLine)
                    node.replaceWithHTMLBlock(try block.html(tables: tables, style: style) { tableTitles[$0] })
                } catch { problems += error.diagnostics }
            case .text:
                node.literal = expand(node.literal ?? "", values: values, node: node, file: file, lineOffset: lineOffset,
                                      warnings: &warnings)
            case .code, .codeBlock:
                node.literal = expand(node.literal ?? "", values: values, node: nil, file: file, lineOffset: lineOffset,
                                      warnings: &warnings)
            case .link, .image:
                if let url = node.url, url.contains("{{") {
                    node.url = expand(url, values: values, node: nil, file: file, lineOffset: lineOffset, warnings: &warnings)
                }
                if let title = node.title, title.contains("{{") {
                    node.title = expand(title, values: values, node: nil, file: file, lineOffset: lineOffset, warnings: &warnings)
                }
            default:
                break
            }
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
        return Output(html: document.renderHTML(), warnings: warnings)
    }

    /// Scans the source as written, so that errors carry exact lines and columns, and evaluates
    /// each distinct placeholder once.
    private func evaluatePlaceholders(in markdown: String, file: String, lineOffset: Int,
                                      problems: inout [Diagnostic]) -> [String: String] {
        let evaluator = PlaceholderEvaluator(figures: figures, style: style, file: file)
        var values: [String: String] = [:]
        for match in PlaceholderScanner.scan(markdown, file: file, lineOffset: lineOffset) {
            switch match.result {
            case .failure(let diagnostic):
                problems.append(diagnostic)
            case .success(let placeholder):
                if values[placeholder.source] != nil { continue }
                switch evaluator.evaluate(placeholder, sourceLine: sourceLine(of: match, in: markdown)) {
                case .success(let text): values[placeholder.source] = text
                case .failure(let diagnostic): problems.append(diagnostic)
                }
            }
        }
        return values
    }

    private func sourceLine(of match: PlaceholderScanner.Match, in text: String) -> String {
        let scalars = text.unicodeScalars
        let start = scalars[..<match.range.lowerBound].lastIndex(of: "\n").map { scalars.index(after: $0) } ?? scalars.startIndex
        let end = scalars[match.range.lowerBound...].firstIndex(of: "\n") ?? scalars.endIndex
        return String(scalars[start..<end])
    }

    /// Replaces each placeholder in one piece of text by its value. Values that start a sentence
    /// are capitalised; a sentence that starts with digits gets a house-style warning.
    private func expand(_ text: String, values: [String: String], node: MarkdownNode?, file: String, lineOffset: Int,
                        warnings: inout [Diagnostic]) -> String {
        let matches = PlaceholderScanner.scan(text, file: file)
        guard !matches.isEmpty else { return text }
        let scalars = text.unicodeScalars
        var result = String.UnicodeScalarView()
        var cursor = scalars.startIndex
        for match in matches {
            let before = String(scalars[scalars.startIndex..<match.range.lowerBound])
            result.append(contentsOf: scalars[cursor..<match.range.lowerBound])
            cursor = match.range.upperBound
            guard case .success(let placeholder) = match.result, var value = values[placeholder.source] else { continue }
            if let node, SentenceStart.isAtStart(after: before, in: node) {
                value = HTMLText.capitalizingFirst(value)
                if value.first?.isNumber == true {
                    warnings.append(Diagnostic(
                        .warning, at: SourceLocation(file: file, line: lineOffset + SentenceStart.line(of: node)),
                        "a sentence starts with the figure {{\(placeholder.source)}} (\(value))",
                        hint: "house style never starts a sentence with digits: use `| words` for numbers under 10, or rephrase"))
                }
            }
            result.append(contentsOf: value.unicodeScalars)
        }
        result.append(contentsOf: scalars[cursor...])
        return String(result)
    }
}
