import SitrepDiagnostics

/// A `{{ name | filter: argument }}` found in a narrative.
public struct Placeholder: Sendable, Hashable {
    /// A filter applied to the figure's value.
    public struct FilterCall: Sendable, Hashable {
        public var name: String
        public var argument: String?
        /// 1-based column of the filter's name on the placeholder's line.
        public var column: Int
    }

    /// The text between the braces, as written; identical text renders identically.
    public var source: String
    public var name: String
    public var filter: FilterCall?
    /// 1-based line and column of the opening `{{` in the scanned text.
    public var line: Int
    public var column: Int
    /// 1-based column of the figure name.
    public var nameColumn: Int
}

/// Finds placeholders in text. The syntax is deliberately small: `{{`, a figure name, at most one
/// `| filter` with an optional `: argument`, `}}`, all on one line.
public enum PlaceholderScanner {
    /// One occurrence: its range in the scanned text's scalars and what it says.
    public struct Match {
        public var range: Range<String.UnicodeScalarView.Index>
        public var result: Result<Placeholder, Diagnostic>
    }

    /// Every `{{ … }}` in `text`. Malformed ones come back as diagnostics located in `file`,
    /// with `lineOffset` added to their lines.
    public static func scan(_ text: String, file: String, lineOffset: Int = 0) -> [Match] {
        // Braces are ASCII, so the scan walks UTF-8 bytes; byte offsets are turned into indices
        // (valid in every view) only where something is found.
        var contiguous = text
        return contiguous.withUTF8 { bytes in scan(bytes, of: text, file: file, lineOffset: lineOffset) }
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, of text: String, file: String, lineOffset: Int) -> [Match] {
        var matches: [Match] = []
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}"), newline = UInt8(ascii: "\n")
        func index(_ offset: Int) -> String.Index { text.index(atUTF8Offset: offset) }
        var line = 1
        var lineStart = 0
        // Columns count characters, as the caret under a diagnostic does. They are counted on
        // from the last placeholder of the line, not from the line's start each time.
        var counted = (upTo: 0, characters: 0)
        var offset = 0
        while offset < bytes.count {
            // The next brace, then the line ends before it (a paragraph is one long line).
            let brace = ByteSearch.firstOffset(of: open, in: bytes, from: offset)
            let beforeBrace = UnsafeBufferPointer(rebasing: bytes[..<brace])
            var lineFeed = ByteSearch.firstOffset(of: newline, in: beforeBrace, from: offset)
            while lineFeed < brace {
                line += 1
                lineStart = lineFeed + 1
                counted = (lineStart, 0)
                lineFeed = ByteSearch.firstOffset(of: newline, in: beforeBrace, from: lineStart)
            }
            offset = brace
            guard offset + 1 < bytes.count, bytes[offset + 1] == open else {
                offset += 1
                continue
            }
            counted = (offset, counted.characters + characters(in: bytes, counted.upTo..<offset, lineStart: lineStart, of: text))
            let column = counted.characters + 1
            let location = SourceLocation(file: file, line: line + lineOffset, column: column)
            let contentStart = offset + 2
            // The closing braces, looked for up to the end of the line (found only if it is needed:
            // a paragraph is one long line).
            var closing: Int?
            var cursor = contentStart
            while cursor + 1 < bytes.count, bytes[cursor] != newline {
                if bytes[cursor] == close, bytes[cursor + 1] == close { closing = cursor; break }
                cursor += 1
            }
            func lineEnd() -> Int { bytes[cursor...].firstIndex(of: newline) ?? bytes.count }
            guard let closing else {
                let lineEnd = lineEnd()
                matches.append(Match(range: index(offset)..<index(lineEnd), result: .failure(Diagnostic(
                    at: location, "this placeholder is not closed",
                    hint: "end it with }} on the same line, e.g. {{ arrivals.total }}",
                    sourceLine: sourceLine(text, index(lineStart), index(lineEnd))))))
                offset = lineEnd
                continue
            }
            let parsed = parse(String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<closing]), as: UTF8.self),
                               location: location, innerColumn: column + 2)
                .mapError { failure -> Diagnostic in
                    var diagnostic = failure
                    diagnostic.sourceLine = sourceLine(text, index(lineStart), index(lineEnd()))
                    return diagnostic
                }
            matches.append(Match(range: index(offset)..<index(closing + 2), result: parsed))
            offset = closing + 2
        }
        return matches
    }

    /// How many characters the bytes `range` of a line hold, counted on from `range.lowerBound`:
    /// by bytes when the range is ASCII (one character each: there is no line end in it, and
    /// what follows is `{`), else by characters. A range that starts inside a character (after
    /// `}}`, a combining mark) is counted from the line's start instead, minus what came before.
    private static func characters(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, lineStart: Int, of text: String) -> Int {
        if ByteSearch.isASCII(bytes, range) { return range.count }
        func index(_ offset: Int) -> String.Index { text.index(atUTF8Offset: offset) }
        if range.lowerBound == lineStart || bytes[range.lowerBound] < 0x80 { return text[index(range.lowerBound)..<index(range.upperBound)].count }
        return text[index(lineStart)..<index(range.upperBound)].count - text[index(lineStart)..<index(range.lowerBound)].count
    }

    /// The line that holds `index`, without its line end (LF or CRLF), for a diagnostic.
    static func line(around index: String.Index, in text: String) -> String {
        let utf8 = text.utf8
        let start = utf8[..<index].lastIndex(of: UInt8(ascii: "\n")).map { utf8.index(after: $0) } ?? utf8.startIndex
        let end = utf8[index...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
        return sourceLine(text, start, end)
    }

    private static func sourceLine(_ text: String, _ start: String.Index, _ end: String.Index) -> String {
        var line = Substring(text[start..<end])
        if line.utf8.last == UInt8(ascii: "\r") { line = Substring(line.utf8.dropLast()) }
        return String(line)
    }

    /// Parses the text between the braces; `innerColumn` is the column of its first character.
    static func parse(_ inner: String, location: SourceLocation, innerColumn: Int) -> Result<Placeholder, Diagnostic> {
        // Worked on the bytes' offsets, with a string made only for the name, the filter and its
        // argument: splitting and trimming into strings cost 3.8 K instructions a placeholder.
        inner.withBorrowedUTF8 { bytes in parse(inner, bytes: bytes, location: location, innerColumn: innerColumn) }
    }

    private static func parse(_ inner: String, bytes: UnsafeBufferPointer<UInt8>, location: SourceLocation,
                              innerColumn: Int) -> Result<Placeholder, Diagnostic> {
        func failure(_ message: String, column: Int, hint: String) -> Result<Placeholder, Diagnostic> {
            var at = location
            at.column = column
            return .failure(Diagnostic(at: at, message, hint: hint))
        }
        func text(_ range: Range<Int>) -> String {
            range == bytes.indices ? inner : String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        // Columns count characters; a run without `\n` that is ASCII has one per byte.
        func characters(_ range: Range<Int>) -> Int { ByteSearch.isASCII(bytes, range) ? range.count : text(range).count }
        let bar = UInt8(ascii: "|")
        let firstBar = bytes.firstIndex(of: bar)
        let nameRange = trimmed(0..<(firstBar ?? bytes.count), in: bytes)
        if nameRange.isEmpty {
            return failure("this placeholder names no figure", column: location.column ?? 1,
                           hint: "write the figure's name between the braces, e.g. {{ arrivals.total }}")
        }
        // Spaces and tabs are one byte each, so byte offsets are scalar offsets here.
        let nameColumn = innerColumn + nameRange.lowerBound
        if bytes[nameRange].contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }) {
            return failure("a figure name cannot contain braces", column: nameColumn,
                           hint: "close each placeholder with }} before opening the next")
        }
        var placeholder = Placeholder(source: inner, name: text(nameRange), filter: nil,
                                      line: location.line ?? 1, column: location.column ?? 1, nameColumn: nameColumn)
        guard let firstBar else { return .success(placeholder) }
        let callStart = firstBar + 1
        if let secondBar = bytes[callStart...].firstIndex(of: bar) {
            let offset = characters(0..<firstBar) + 1 + characters(callStart..<secondBar)
            return failure("a placeholder takes one filter at most", column: innerColumn + offset,
                           hint: "keep one filter, e.g. {{ avrr.country.Iraq.share | percent: 1 }}")
        }
        let callRange = trimmed(callStart..<bytes.count, in: bytes)
        let filterColumn = innerColumn + characters(0..<firstBar) + 1 + (callRange.lowerBound - callStart)
        let colon = bytes[callRange].firstIndex(of: UInt8(ascii: ":"))
        let filterName = text(trimmed(callRange.lowerBound..<(colon ?? callRange.upperBound), in: bytes))
        if filterName.isEmpty {
            return failure("there is a | but no filter after it", column: filterColumn,
                           hint: "name a filter (percent, words, list, date, decimals) or remove the |")
        }
        var argument: String?
        if let colon {
            var text = text(trimmed((colon + 1)..<callRange.upperBound, in: bytes))
            if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { text = String(text.dropFirst().dropLast()) }
            argument = text
        }
        placeholder.filter = Placeholder.FilterCall(name: filterName, argument: argument, column: filterColumn)
        return .success(placeholder)
    }

    /// `range` without the spaces and tabs at its ends; an empty range at its end when it is all blank.
    private static func trimmed(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = bytes[range].firstIndex(where: { !isBlank($0) }),
              let last = bytes[range].lastIndex(where: { !isBlank($0) }) else { return range.upperBound..<range.upperBound }
        return first..<(last + 1)
    }
}

