import SitrepDiagnostics
import SitrepMarkdown

/// The placeholders of one narrative: each is evaluated once, with errors located in the source
/// as written, and replaced in the text given to cmark by a marker `U+E000 <number> U+E001`.
struct Slots {
    static let open: Unicode.Scalar = "\u{E000}"
    static let close: Unicode.Scalar = "\u{E001}"

    /// The narrative with every placeholder replaced by its marker.
    private(set) var markedText = ""
    /// Per marker number: the placeholder's source text (between the braces) and its value.
    private var sources: [String] = []
    private var values: [String?] = []
    /// Values by placeholder source, for text outside the narrative's flow (captions).
    private var valuesBySource: [String: String] = [:]

    init(_ markdown: String, file: String, lineOffset: Int, evaluator: PlaceholderEvaluator, problems: inout [Diagnostic]) {
        let scalars = markdown.unicodeScalars
        var marked = String.UnicodeScalarView()
        var cursor = scalars.startIndex
        for match in PlaceholderScanner.scan(markdown, file: file, lineOffset: lineOffset) {
            marked.append(contentsOf: scalars[cursor..<match.range.lowerBound])
            cursor = match.range.upperBound
            switch match.result {
            case .failure(let diagnostic):
                problems.append(diagnostic)
                values.append(nil)
                sources.append(String(scalars[match.range]))
            case .success(let placeholder):
                let value: String?
                if let known = valuesBySource[placeholder.source] {
                    value = known
                } else {
                    switch evaluator.evaluate(placeholder, sourceLine: nil) {
                    case .success(let text):
                        value = text
                    case .failure(var diagnostic):
                        diagnostic.sourceLine = Self.line(around: match.range, in: scalars)
                        problems.append(diagnostic)
                        value = nil
                    }
                    valuesBySource[placeholder.source] = value
                }
                values.append(value)
                sources.append("{{" + placeholder.source + "}}")
            }
            marked.append(Self.open)
            marked.append(contentsOf: String(values.count - 1).unicodeScalars)
            marked.append(Self.close)
        }
        marked.append(contentsOf: scalars[cursor...])
        markedText = String(marked)
    }

    /// `text` with each marker replaced by its value. Values that start a sentence (judged by
    /// the text before them and, for a text node, the inline nodes before it) are capitalised,
    /// and a sentence starting with digits gets a house-style warning.
    func filling(_ text: String, context node: MarkdownNode?, file: String, lineOffset: Int,
                 warnings: inout [Diagnostic]) -> String {
        replacingMarkers(in: text) { number, before in
            guard var value = values[number] else { return sources[number] }
            if let node, SentenceStart.isAtStart(after: before, in: node) {
                value = HTMLText.capitalizingFirst(value)
                if value.first?.isNumber == true {
                    warnings.append(Diagnostic(
                        .warning, at: SourceLocation(file: file, line: lineOffset + SentenceStart.line(of: node)),
                        "a sentence starts with the figure \(sources[number]) (\(value))",
                        hint: "house style never starts a sentence with digits: use `| words` for numbers under 10, or rephrase"))
                }
            }
            return value
        }
    }

    /// A caption or other short text scanned on its own: placeholders that the narrative also
    /// holds get their values; the text is otherwise kept.
    func filling(_ matches: [PlaceholderScanner.Match], in text: String) -> String {
        let scalars = text.unicodeScalars
        var result = String.UnicodeScalarView()
        var cursor = scalars.startIndex
        for match in matches {
            result.append(contentsOf: scalars[cursor..<match.range.lowerBound])
            cursor = match.range.upperBound
            if case .success(let placeholder) = match.result, let value = valuesBySource[placeholder.source] {
                result.append(contentsOf: value.unicodeScalars)
            } else {
                result.append(contentsOf: scalars[match.range])
            }
        }
        result.append(contentsOf: scalars[cursor...])
        return String(result)
    }

    /// `text` with markers turned back into the placeholders as written (for block options).
    func restoringSource(in text: String) -> String {
        replacingMarkers(in: text) { number, _ in sources[number] }
    }

    private func replacingMarkers(in text: String, _ replacement: (Int, Substring) -> String) -> String {
        // U+E000 starts with the byte 0xEE in UTF-8: most text has none and is returned at once.
        guard text.utf8.contains(0xEE), text.unicodeScalars.contains(Self.open) else { return text }
        let scalars = text.unicodeScalars
        var result = String.UnicodeScalarView()
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if scalars[index] == Self.open, let close = scalars[index...].firstIndex(of: Self.close),
               let number = Int(String(scalars[scalars.index(after: index)..<close])), values.indices.contains(number) {
                result.append(contentsOf: replacement(number, Substring(scalars[scalars.startIndex..<index])).unicodeScalars)
                index = scalars.index(after: close)
            } else {
                result.append(scalars[index])
                index = scalars.index(after: index)
            }
        }
        return String(result)
    }

    private static func line(around range: Range<String.UnicodeScalarView.Index>, in scalars: String.UnicodeScalarView) -> String {
        let start = scalars[..<range.lowerBound].lastIndex(of: "\n").map { scalars.index(after: $0) } ?? scalars.startIndex
        let end = scalars[range.lowerBound...].firstIndex(of: "\n") ?? scalars.endIndex
        return String(scalars[start..<end])
    }
}
