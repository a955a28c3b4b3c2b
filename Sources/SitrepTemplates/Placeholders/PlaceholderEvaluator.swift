import SitrepContent
import SitrepDiagnostics
import SitrepFigures

/// Turns placeholders into text, with errors that point at the name or filter that is wrong.
public struct PlaceholderEvaluator: Sendable {
    public var figures: FigureSet
    public var style: LocaleStyle
    /// Where the scanned text came from, for messages.
    public var file: String

    public init(figures: FigureSet, style: LocaleStyle, file: String) {
        self.figures = figures
        self.style = style
        self.file = file
    }

    /// The text for `placeholder`, or a diagnostic naming the nearest figure or filter.
    public func evaluate(_ placeholder: Placeholder, sourceLine: String?) -> Result<String, Diagnostic> {
        guard let figure = figures[placeholder.name] else {
            let (message, hint) = figures.missingFigure(placeholder.name)
            return .failure(Diagnostic(at: SourceLocation(file: file, line: placeholder.line, column: placeholder.nameColumn),
                                       message, hint: hint, sourceLine: sourceLine))
        }
        guard let call = placeholder.filter else { return .success(style.format(figure.value)) }
        let location = SourceLocation(file: file, line: placeholder.line, column: call.column)
        guard let filter = Filter(rawValue: call.name) else {
            let names = Filter.allCases.map(\.rawValue)
            let nearest = Suggestions.nearest(to: call.name, in: names)
            return .failure(Diagnostic(
                at: location, "there is no filter called '\(call.name)'",
                hint: (nearest.map { "did you mean '\($0)'? " } ?? "") + "filters: \(names.joined(separator: ", "))",
                sourceLine: sourceLine))
        }
        do {
            return .success(try filter.apply(to: figure.value, argument: call.argument, style: style))
        } catch {
            return .failure(Diagnostic(at: location, "\(error.message) ('\(placeholder.name)')", hint: error.hint,
                                       sourceLine: sourceLine))
        }
    }
}
