import SitrepDiagnostics
import SitrepMarkdown

/// The placeholders of one narrative: each is evaluated once, with errors located in the source
/// as written, and replaced in the text given to cmark by a marker `U+E000 <number> U+E001`.
struct Slots {
    /// The narrative with every placeholder replaced by its marker.
    private(set) var markedText = ""
    /// Per marker number: the placeholder as written (its braces included; a slice of the
    /// narrative, so that no string is made per placeholder) and its value.
    private var sources: [Substring] = []
    private var values: [String?] = []
    /// Values by placeholder source, for text outside the narrative's flow (captions).
    private var valuesBySource: [String: String] = [:]

    init(_ markdown: String, file: String, lineOffset: Int, evaluator: PlaceholderEvaluator, problems: inout [Diagnostic]) {
        // The marked text is put together as bytes: runs of the source copied whole, and markers.
        var marked: [UInt8] = []
        marked.reserveCapacity(markdown.utf8.count + 64)
        var source = markdown
        source.withUTF8 { bytes in
            var cursor = 0
            for match in PlaceholderScanner.scan(markdown, file: file, lineOffset: lineOffset) {
                let start = markdown.utf8.distance(from: markdown.startIndex, to: match.range.lowerBound)
                marked.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor..<start]))
                cursor = markdown.utf8.distance(from: markdown.startIndex, to: match.range.upperBound)
                take(match, in: markdown, evaluator: evaluator, problems: &problems)
                Self.appendMarker(values.count - 1, to: &marked)
            }
            marked.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor...]))
        }
        markedText = String(decoding: marked, as: UTF8.self)
    }

    /// Records the value (or problem) of one placeholder found in `markdown`, as the next marker's.
    private mutating func take(_ match: PlaceholderScanner.Match, in markdown: String, evaluator: PlaceholderEvaluator,
                               problems: inout [Diagnostic]) {
        switch match.result {
        case .failure(let diagnostic):
            problems.append(diagnostic)
            values.append(nil)
            sources.append(markdown[match.range])
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
            // The scanner's range is the braces and the source between them.
            sources.append(markdown[match.range])
        }
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

    /// `text` with each marker replaced by its value. Values that start a sentence (judged by
    /// the text before them and, for a text node, the inline nodes before it) are capitalised,
    /// and a sentence starting with digits gets a house-style warning.
    func filling(_ text: String, context node: MarkdownNode?, file: String, lineOffset: Int,
                 warnings: inout [Diagnostic]) -> String {
        replacingMarkers(in: text) { number, before in
            guard var value = values[number] else { return String(sources[number]) }
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
        replacingMarkers(in: text) { number, _ in String(sources[number]) }
    }

    private func replacingMarkers(in text: String, _ replacement: (Int, Substring) -> String) -> String {
        // U+E000 is EE 80 80 in UTF-8, U+E001 is EE 80 81: find the markers on bytes, then copy
        // whole runs between them.
        var contiguous = text
        let markers = contiguous.withUTF8 { bytes in
            var found: [(start: Int, end: Int, number: Int)] = []
            var offset = 0
            while let lead = bytes[offset...].firstIndex(of: 0xEE) {
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
                found.append((lead, end + 3, number))
                offset = end + 3
            }
            return found
        }
        guard !markers.isEmpty else { return text }
        func index(_ offset: Int) -> String.Index { text.index(atUTF8Offset: offset) }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var copied = 0
        for marker in markers {
            result += text[index(copied)..<index(marker.start)]
            result += replacement(marker.number, text[text.startIndex..<index(marker.start)])
            copied = marker.end
        }
        result += text[index(copied)...]
        return result
    }
}
