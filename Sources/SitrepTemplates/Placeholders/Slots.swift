import SitrepDiagnostics
import SitrepMarkdown

/// The placeholders of one narrative: each is evaluated where it occurs, with errors located in
/// the source as written, and replaced in the text given to cmark by a marker
/// `U+E000 <number> U+E001`.
struct Slots {
    /// The narrative with every placeholder replaced by its marker, in UTF-8: cmark parses these
    /// bytes, and a `String` of them (whose UTF-8 check cost 99 K instructions a report) is made
    /// only for a message that quotes them.
    private(set) var markedBytes: [UInt8] = []
    /// Per marker number: the placeholder as written (its braces included; a slice of the
    /// narrative, so that no string is made per placeholder) and its value.
    private var sources: [Substring] = []
    private var values: [String?] = []
    /// Per marker number: the text between the braces when the placeholder is well formed, for
    /// text outside the narrative's flow (captions). Looked through in order when a caption asks,
    /// rather than hashed for every placeholder (2.4 K instructions each).
    private var innerSources: [String?] = []

    /// The narrative with every placeholder replaced by its marker.
    var markedText: String { String(decoding: markedBytes, as: UTF8.self) }

    init(_ markdown: String, file: String, lineOffset: Int, evaluator: PlaceholderEvaluator, problems: inout [Diagnostic]) {
        // The marked text is put together as bytes: runs of the source copied whole, and markers.
        var marked: [UInt8] = []
        marked.reserveCapacity(markdown.utf8.count + 64)
        let matches = PlaceholderScanner.scan(markdown, file: file, lineOffset: lineOffset)
        // Reserved up front: grown as they are filled, the three arrays cost 1.1 M instructions on the 100-report bench.
        sources.reserveCapacity(matches.count)
        values.reserveCapacity(matches.count)
        innerSources.reserveCapacity(matches.count)
        var source = markdown
        source.withUTF8 { bytes in
            var cursor = 0
            // By index, each match read in place: 0.7 M instructions less on the 100-report bench
            // than a `for … in`, which copies each one out of the array.
            for index in matches.indices {
                let range = matches[index].range
                let start = markdown.utf8.distance(from: markdown.startIndex, to: range.lowerBound)
                marked.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor..<start]))
                cursor = markdown.utf8.distance(from: markdown.startIndex, to: range.upperBound)
                take(matches[index], in: markdown, evaluator: evaluator, problems: &problems)
                Self.appendMarker(values.count - 1, to: &marked)
            }
            marked.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor...]))
        }
        markedBytes = marked
    }

    /// Records the value (or problem) of one placeholder found in `markdown`, as the next marker's.
    private mutating func take(_ match: borrowing PlaceholderScanner.Match, in markdown: String, evaluator: PlaceholderEvaluator,
                               problems: inout [Diagnostic]) {
        switch match.result {
        case .failure(let diagnostic):
            problems.append(diagnostic)
            values.append(nil)
            innerSources.append(nil)
        case .success(let placeholder):
            switch evaluator.evaluate(placeholder, sourceLine: nil) {
            case .success(let text):
                values.append(text)
            case .failure(var diagnostic):
                diagnostic.sourceLine = PlaceholderScanner.line(around: match.range.lowerBound, in: markdown)
                problems.append(diagnostic)
                values.append(nil)
            }
            innerSources.append(placeholder.source)
        }
        // The scanner's range is the braces and the source between them.
        sources.append(markdown[match.range])
    }

    /// Appends the marker of placeholder `number`: U+E000 (EE 80 80), the number in ASCII digits, U+E001 (EE 80 81).
    private static func appendMarker(_ number: Int, to bytes: inout [UInt8]) {
        bytes.append(0xEE)
        bytes.append(0x80)
        bytes.append(0x80)
        var divisor = 1
        while divisor * 10 <= number { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(number / divisor % 10))
            divisor /= 10
        }
        bytes.append(0xEE)
        bytes.append(0x80)
        bytes.append(0x81)
    }

    /// Fills the markers in the literal of `node` (text, code or a code block), editing it only
    /// when it holds one. With `atSentenceStarts` (for a text node), values that start a sentence
    /// (judged by the text before them and the inline nodes before the node) are capitalised,
    /// and a sentence starting with digits gets a house-style warning.
    ///
    /// Worked on the literal's bytes as cmark holds them: no `String` is made of a paragraph.
    func fill(_ node: MarkdownNode, atSentenceStarts: Bool, file: String, lineOffset: Int, warnings: inout [Diagnostic]) {
        let filled = node.withLiteralBytes { bytes in
            replacingMarkers(in: bytes) { number, markerStart in
                guard var value = values[number] else { return String(sources[number]) }
                if atSentenceStarts, SentenceStart.isAtStart(after: UnsafeBufferPointer(rebasing: bytes[..<markerStart]), in: node) {
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
        } ?? nil
        if let filled { node.setLiteral(utf8: filled) }
    }

    /// `text` (a link's address or title) with each marker replaced by its value.
    func filling(_ text: String) -> String {
        replacingMarkers(in: text) { number, _ in values[number] ?? String(sources[number]) }
    }

    /// A caption or other short text scanned on its own: placeholders that the narrative also
    /// holds get their values; the text is otherwise kept.
    func filling(_ matches: [PlaceholderScanner.Match], in text: String) -> String {
        var result = ""
        var cursor = text.startIndex
        for match in matches {
            result += text[cursor..<match.range.lowerBound]
            cursor = match.range.upperBound
            if case .success(let placeholder) = match.result, let value = value(writtenAs: placeholder.source) {
                result += value
            } else {
                result += text[match.range]
            }
        }
        return result + text[cursor...]
    }

    /// The value of the narrative's placeholders written as `source` between their braces.
    private func value(writtenAs source: String) -> String? {
        for (number, inner) in innerSources.enumerated() where values[number] != nil && inner == source { return values[number] }
        return nil
    }

    /// `text` with markers turned back into the placeholders as written (for block options).
    func restoringSource(in text: String) -> String {
        replacingMarkers(in: text) { number, _ in String(sources[number]) }
    }

    private func replacingMarkers(in text: String, _ replacement: (Int, Int) -> String) -> String {
        var contiguous = text
        return contiguous.withUTF8 { replacingMarkers(in: $0, replacement) }.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    /// The UTF-8 `text` with each marker replaced by `replacement(number, offset of the marker)`,
    /// or nil when it holds none. U+E000 is EE 80 80 in UTF-8, U+E001 is EE 80 81: the markers are
    /// found on bytes, and
    /// the runs between them copied whole.
    private func replacingMarkers(in bytes: UnsafeBufferPointer<UInt8>, _ replacement: (Int, Int) -> String) -> [UInt8]? {
        var result: [UInt8] = []
        var found = false
        var copied = 0
        var offset = 0
        while true {
            let lead = ByteSearch.firstOffset(of: 0xEE, in: bytes, from: offset)
            guard lead < bytes.count else { break }
            offset = lead + 1
            guard lead + 2 < bytes.count, bytes[lead + 1] == 0x80, bytes[lead + 2] == 0x80 else { continue }
            var end = lead + 3
            var number = 0
            while end < bytes.count, end - lead < 12, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9") {
                number = number * 10 + Int(bytes[end] - UInt8(ascii: "0"))
                end += 1
            }
            guard end > lead + 3, end + 2 < bytes.count, bytes[end] == 0xEE, bytes[end + 1] == 0x80, bytes[end + 2] == 0x81,
                  values.indices.contains(number) else { continue }
            if !found {
                found = true
                result.reserveCapacity(bytes.count + 64)
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<lead]))
            var value = replacement(number, lead)
            value.withUTF8 { result.append(contentsOf: $0) }
            copied = end + 3
            offset = end + 3
        }
        guard found else { return nil }
        result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
        return result
    }
}
