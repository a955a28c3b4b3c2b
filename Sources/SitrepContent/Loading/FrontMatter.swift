import SitrepDiagnostics

/// Splits `report.md` into its YAML front matter and its Markdown narrative.
public enum FrontMatter {
    /// The two parts of a report file, with the line offsets that keep positions true.
    public struct Parts: Sendable {
        public var yaml: String
        /// Lines before the YAML text (the opening `---`).
        public var yamlLineOffset: Int
        /// The Markdown after the closing fence, copied out only when asked for: the series
        /// outline reads every report's front matter and never its narrative.
        public var narrative: String { String(text[narrativeStart...]) }
        /// Lines before the narrative (front matter and both fences).
        public var narrativeLineOffset: Int
        let text: String
        let narrativeStart: String.Index
    }

    static let example = "---\ntitle: \"Belarus: response to the war in Ukraine\"\nperiod: {start: 2022-05-27, end: 2022-06-09}\n---"

    /// Splits `text`; a file without front matter, or with an unclosed one, is an error.
    /// Works on UTF-8 bytes, line by line, and accepts LF and CRLF line ends.
    public static func split(_ text: String, file: String) throws(DiagnosticError) -> Parts {
        var contiguous = text
        let fences = contiguous.withUTF8(Self.fences)
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        let (yaml, lines, narrativeStart) = try closed(fences, file: file) { String(text[index($0.lowerBound)..<index($0.upperBound)]) }
        return Parts(yaml: String(text[index(yaml.lowerBound)..<index(yaml.upperBound)]), yamlLineOffset: 1,
                     narrativeLineOffset: lines, text: text, narrativeStart: index(narrativeStart))
    }

    /// The YAML of the front matter of `bytes` (a whole report.md), for the series outline, which
    /// reads every report's dates and nothing else: the errors of `split`, and of
    /// ``ContentFiles/decodeUTF8(_:file:)`` for a file that is not UTF-8, but only the YAML made a
    /// String. The whole file is validated in place (`UTF8Span`), ASCII eight bytes at a time:
    /// making it a String cost about 40,000 instructions a report.
    static func yaml(ofReport bytes: [UInt8], file: String) throws(DiagnosticError) -> (text: String, lineOffset: Int) {
        if !isASCII(bytes), (try? UTF8Span(validating: bytes.span)) == nil {
            _ = try ContentFiles.decodeUTF8(bytes, file: file)  // throws, saying where
        }
        return try bytes.withUnsafeBufferPointer { buffer throws(DiagnosticError) in
            let text = { (range: Range<Int>) in String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self) }
            let (yaml, _, _) = try closed(fences(in: buffer), file: file, text: text)
            return (text(yaml), 1)
        }
    }

    /// Whether every byte is ASCII (below 0x80), read eight at a time.
    static func isASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            var high: UInt64 = 0
            while offset + 8 <= raw.count {
                high |= raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                offset += 8
            }
            while offset < raw.count {
                high |= UInt64(raw[offset])
                offset += 1
            }
            return high & 0x8080_8080_8080_8080 == 0
        }
    }

    /// The YAML range, the lines up to the closing fence and where the narrative starts, or the
    /// error for a file without closed front matter; `text` spells a range of the file.
    private static func closed(_ fences: Fences, file: String,
                               text: (Range<Int>) -> String) throws(DiagnosticError) -> (yaml: Range<Int>, lines: Int, narrativeStart: Int) {
        switch fences {
        case .closed(let yaml, let lines, let narrativeStart):
            return (yaml, lines, narrativeStart)
        case .noOpening(let line):
            throw DiagnosticError(Diagnostic(
                at: SourceLocation(file: file, line: 1, column: 1),
                "report.md has no front matter",
                hint: "start the file with a YAML block between two `---` lines, e.g.\n\(example)",
                sourceLine: line.isEmpty ? nil : text(line)))
        case .notClosed(opened: false):
            throw DiagnosticError(Diagnostic(
                at: SourceLocation(file: file, line: 1, column: 1), "report.md is empty",
                hint: "start the file with a YAML block between two `---` lines, e.g.\n\(example)"))
        case .notClosed(opened: true):
            throw DiagnosticError(Diagnostic(
                at: SourceLocation(file: file, line: 1, column: 1),
                "the front matter is not closed",
                hint: "end the YAML block with a line that holds only `---`"))
        }
    }

    /// Where the fences of a report's front matter are, in byte offsets.
    private enum Fences {
        /// The YAML between the fences, the lines up to the closing one, and where the narrative starts.
        case closed(yaml: Range<Int>, lines: Int, narrativeStart: Int)
        /// The first line, which is not a fence.
        case noOpening(line: Range<Int>)
        /// No closing fence; `opened` is false when there is no line at all.
        case notClosed(opened: Bool)
    }

    /// Finds the fences line by line, on the bytes: walking a `String`'s UTF-8 view cost
    /// 21,000 instructions a report, twice (the series outline reads the dates too).
    private static func fences(in utf8: UnsafeBufferPointer<UInt8>) -> Fences {
        var cursor = utf8.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lines = 0
        var yamlStart: Int?
        while cursor < utf8.count {
            let lineEnd = utf8[cursor...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.count
            let line = utf8[cursor..<lineEnd]
            let next = lineEnd < utf8.count ? lineEnd + 1 : lineEnd
            lines += 1
            if let yamlStart {
                if isFence(line, "---") || isFence(line, "...") {
                    return .closed(yaml: yamlStart..<cursor, lines: lines, narrativeStart: next)
                }
            } else {
                guard isFence(line, "---") else { return .noOpening(line: cursor..<lineEnd) }
                yamlStart = next
            }
            cursor = next
        }
        return .notClosed(opened: yamlStart != nil)
    }

    /// True when `line` is `fence`, ignoring trailing spaces, tabs and a carriage return.
    private static func isFence(_ line: Slice<UnsafeBufferPointer<UInt8>>, _ fence: StaticString) -> Bool {
        var end = line.endIndex
        while end > line.startIndex {
            let byte = line[end - 1]
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") else { break }
            end -= 1
        }
        return line[line.startIndex..<end].elementsEqual(UnsafeBufferPointer(start: fence.utf8Start, count: fence.utf8CodeUnitCount))
    }
}
