import SitrepDiagnostics
import SitrepTemplates

/// Text a report's page prints from its front matter or `series.yml` — a key figure's label, a
/// note — with its placeholders filled like the narrative's (`{{ arrivals.total }}`, filters,
/// the series' locale). A placeholder that cannot be filled is an error at its place in the
/// file, so that no `{{` is ever published. The text is plain: the layout escapes it.
struct FrontMatterText {
    /// Fills placeholders with the report's figures.
    let evaluator: PlaceholderEvaluator

    /// `text`, written at `location` (where its first character is), with its placeholders filled.
    func filled(_ text: String, at location: SourceLocation) -> Result<String, DiagnosticError> {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return .success(text) }
        var evaluator = evaluator
        evaluator.file = location.file
        var filled = ""
        var problems: [Diagnostic] = []
        var rest = text.unicodeScalars.startIndex
        for match in PlaceholderScanner.scan(text, file: location.file) {
            filled.unicodeScalars += text.unicodeScalars[rest..<match.range.lowerBound]
            rest = match.range.upperBound
            switch match.result.flatMap({ evaluator.evaluate($0, sourceLine: nil) }) {
            case .success(let value): filled += value
            case .failure(let problem): problems.append(Self.placed(problem, in: location))
            }
        }
        filled.unicodeScalars += text.unicodeScalars[rest...]
        return problems.isEmpty ? .success(filled) : .failure(DiagnosticError(problems))
    }

    /// `problem`, located in `text` (line 1, column 1 being its first character), moved to the
    /// file: the column is exact on the text's first line, where a label or note is written.
    private static func placed(_ problem: Diagnostic, in location: SourceLocation) -> Diagnostic {
        var placed = problem
        placed.sourceLine = nil  // the text's line, not the file's: a caret under it would mislead
        let line = problem.location?.line ?? 1
        let column = problem.location?.column ?? 1
        placed.location = SourceLocation(
            file: location.file, line: location.line.map { $0 + line - 1 },
            column: line == 1 ? location.column.map { $0 + column - 1 } : nil)
        return placed
    }
}
