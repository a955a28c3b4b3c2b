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
        var marked = ""
        marked.reserveCapacity(markdown.utf8.count)
        var cursor = markdown.startIndex
        for match in PlaceholderScanner.scan(markdown, file: file, lineOffset: lineOffset) {
            marked += markdown[cursor..<match.range.lowerBound]
            cursor = match.range.upperBound
            switch match.result {
            case .failure(let diagnostic):
                problems.append(diagnostic)
                values.append(nil)
                sources.append(String(markdown[match.range]))
            case .success(let placeholder):
                let value: String?
                if let known = valuesBySource[placeholder.source] {
                    value = known
                } else {
                    switch evaluator.evaluate(placeholder, sourceLine: nil) {
                    case .success(let text):
                        value = text
                    case .failure(var diagnostic):
                        diagnostic.sourceLine = PlaceholderScanner.line(around: match.range.lowerBound, in: markdown)
                        problems.append(diagnostic)
                        value = nil
                    }
                    valuesBySource[placeholder.source] = value
                }
                values.append(value)
                sources.append("{{" + placeholder.source + "}}")
            }
            marked.unicodeScalars.append(Self.open)
            marked += String(values.count - 1)
            marked.unicodeScalars.append(Self.close)
        }
        marked += markdown[cursor...]
        markedText = marked
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
        var result = ""
        var cursor = text.startIndex
        for match in matches {
            result += text[cursor..<match.range.lowerBound]
            cursor = match.range.upperBound
            if case .success(let placeholder) = match.result, let value = valuesBySource[placeholder.source] {
                result += value
            } else {
                result += text[match.range]
            }
        }
        return result + text[cursor...]
    }

    /// `text` with markers turned back into the placeholders as written (for block options).
    func restoringSource(in text: String) -> String {
        replacingMarkers(in: text) { number, _ in sources[number] }
    }

    private func replacingMarkers(in text: String, _ replacement: (Int, Substring) -> String) -> String {
        // U+E000 is EE 80 80 in UTF-8, U+E001 is EE 80 81: search bytes, copy whole runs.
        let utf8 = text.utf8
        guard utf8.contains(0xEE) else { return text }
        var result = ""
        var copied = text.startIndex
        var index = text.startIndex
        while let lead = utf8[index...].firstIndex(of: 0xEE) {
            index = utf8.index(after: lead)
            guard text.unicodeScalars[lead] == Self.open,
                  let close = text.unicodeScalars[lead...].firstIndex(of: Self.close),
                  let number = Int(text[text.unicodeScalars.index(after: lead)..<close]), values.indices.contains(number)
            else { continue }
            result += text[copied..<lead]
            result += replacement(number, text[text.startIndex..<lead])
            copied = text.unicodeScalars.index(after: close)
            index = copied
        }
        if copied == text.startIndex { return text }
        result += text[copied...]
        return result
    }

}
