import SitrepContent
import SitrepDiagnostics
import SitrepFigures
import SitrepMarkdown

/// Renders a report's narrative to HTML: cmark parses the Markdown as written, then figures are
/// put into the syntax tree's text and data blocks are swapped for tables and charts.
///
/// Each placeholder found in the source is first replaced by a marker (private-use characters
/// around its number) that cmark treats as plain text; after parsing, each marker in a text node
/// becomes the figure's value. So a value can never become Markdown or HTML structure
/// (`<script>`, `*x*` or `[a](javascript:x)` in a data file prints as those characters), and only
/// what the author wrote as `{{ … }}` is filled in: braces spelt with entities or backslashes
/// stay text.
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
    /// The values of the figures that line and column charts follow, up to this report.
    public var history: FigureHistory?
    /// This report's period, for a chart over the series drawn without a history.
    public var period: FigureHistory.Period?

    public init(figures: FigureSet, tables: [Table], style: LocaleStyle, tableTitles: [String: String] = [:],
                history: FigureHistory? = nil, period: FigureHistory.Period? = nil) {
        self.figures = figures
        self.tables = tables
        self.style = style
        self.tableTitles = tableTitles
        self.history = history
        self.period = period
    }

    /// Renders `markdown` from `file`, whose first line is line `lineOffset + 1` of the file.
    /// Every placeholder and block is checked first; all problems are thrown together.
    public func render(_ markdown: String, file: String, lineOffset: Int) throws(DiagnosticError) -> Output {
        var problems: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        let slots = Slots(markdown, file: file, lineOffset: lineOffset, evaluator:
            PlaceholderEvaluator(figures: figures, style: style, file: file), problems: &problems)

        let document = slots.markedBytes.withUnsafeBufferPointer(MarkdownDocument.init(parsingUTF8:))
        document.consolidateText()
        var charts = 0
        for node in document.nodes() {
            let kind = node.kind
            let blockKind = kind == .codeBlock ? node.fenceInfo?.split(separator: " ").first : nil
            switch kind {
            case .codeBlock where blockKind == "sitrep-table":
                do {
                    var block = try TableBlock(yaml: slots.restoringSource(in: node.literal ?? ""), file: file,
                                               lineOffset: lineOffset + node.startLine)
                    block.caption = block.caption.map { slots.filling(PlaceholderScanner.scan($0, file: file), in: $0) }
                    node.replaceWithHTMLBlock(utf8: try block.html(tables: tables, style: style) { tableTitles[$0] })
                } catch { problems += error.diagnostics }
            case .codeBlock where blockKind == "sitrep-chart":
                charts += 1
                do {
                    var block = try ChartBlock(yaml: slots.restoringSource(in: node.literal ?? ""), file: file,
                                               lineOffset: lineOffset + node.startLine)
                    block.title = block.title.map { slots.filling(PlaceholderScanner.scan($0, file: file), in: $0) }
                    let sources = ChartBlock.Sources(tables: tables, figures: figures, history: history, period: period,
                                                     style: style, tableTitles: tableTitles)
                    node.replaceWithHTMLBlock(try block.html(from: sources, id: "sitrep-chart-\(charts)"))
                } catch { problems += error.diagnostics }
            case .text:
                slots.fill(node, atSentenceStarts: true, file: file, lineOffset: lineOffset, warnings: &warnings)
            case .code, .codeBlock:
                slots.fill(node, atSentenceStarts: false, file: file, lineOffset: lineOffset, warnings: &warnings)
            case .link, .image:
                if let problem = LinkDestination.authoredProblem(node, markedText: slots.markedText, file: file,
                                                                 lineOffset: lineOffset) {
                    problems.append(problem)
                }
                node.url = node.url.map { slots.filling($0) }
                node.title = node.title.map { slots.filling($0) }
                if let warning = LinkDestination.removeFilledInScheme(node, markedText: slots.markedText, file: file,
                                                                      lineOffset: lineOffset) {
                    warnings.append(warning)
                }
            default:
                break
            }
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
        return Output(html: document.renderHTML(), warnings: warnings)
    }
}
