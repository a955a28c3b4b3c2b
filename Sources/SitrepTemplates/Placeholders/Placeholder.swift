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
        var matches: [Match] = []
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var line = 1
        var lineStart = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "\n" {
                index = scalars.index(after: index)
                line += 1
                lineStart = index
                continue
            }
            guard scalar == "{", let second = scalars.index(index, offsetBy: 1, limitedBy: scalars.endIndex),
                  second < scalars.endIndex, scalars[second] == "{" else {
                index = scalars.index(after: index)
                continue
            }
            // Columns count characters, as the caret under a diagnostic does.
            let column = String(scalars[lineStart..<index]).count + 1
            let lineEnd = scalars[index...].firstIndex(of: "\n") ?? scalars.endIndex
            let sourceLine = String(scalars[lineStart..<lineEnd])
            let location = SourceLocation(file: file, line: line + lineOffset, column: column)
            let contentStart = scalars.index(after: second)
            guard let close = closingBraces(in: scalars, from: contentStart, before: lineEnd) else {
                matches.append(Match(range: index..<lineEnd, result: .failure(Diagnostic(
                    at: location, "this placeholder is not closed",
                    hint: "end it with }} on the same line, e.g. {{ arrivals.total }}", sourceLine: sourceLine))))
                index = lineEnd
                continue
            }
            let end = scalars.index(close, offsetBy: 2)
            let inner = String(scalars[contentStart..<close])
            let parsed = parse(inner, location: location, sourceLine: sourceLine, innerColumn: column + 2)
            matches.append(Match(range: index..<end, result: parsed))
            index = end
        }
        return matches
    }

    private static func closingBraces(in scalars: String.UnicodeScalarView, from start: String.UnicodeScalarView.Index,
                                      before end: String.UnicodeScalarView.Index) -> String.UnicodeScalarView.Index? {
        var index = start
        while index < end {
            if scalars[index] == "}", let next = scalars.index(index, offsetBy: 1, limitedBy: end), next < end, scalars[next] == "}" {
                return index
            }
            index = scalars.index(after: index)
        }
        return nil
    }

    /// Parses the text between the braces; `innerColumn` is the column of its first character.
    static func parse(_ inner: String, location: SourceLocation, sourceLine: String, innerColumn: Int) -> Result<Placeholder, Diagnostic> {
        func failure(_ message: String, column: Int, hint: String) -> Result<Placeholder, Diagnostic> {
            var at = location
            at.column = column
            return .failure(Diagnostic(at: at, message, hint: hint, sourceLine: sourceLine))
        }
        let parts = inner.unicodeScalars.split(separator: "|", omittingEmptySubsequences: false).map { String($0) }
        let (name, nameOffset) = trimmed(parts[0])
        let nameColumn = innerColumn + nameOffset
        if name.isEmpty {
            return failure("this placeholder names no figure", column: location.column ?? 1,
                           hint: "write the figure's name between the braces, e.g. {{ arrivals.total }}")
        }
        if name.unicodeScalars.contains(where: { $0 == "{" || $0 == "}" }) {
            return failure("a figure name cannot contain braces", column: nameColumn,
                           hint: "close each placeholder with }} before opening the next")
        }
        var placeholder = Placeholder(source: inner, name: name, filter: nil,
                                      line: location.line ?? 1, column: location.column ?? 1, nameColumn: nameColumn)
        guard parts.count > 1 else { return .success(placeholder) }
        if parts.count > 2 {
            let offset = parts[0].count + 1 + parts[1].count
            return failure("a placeholder takes one filter at most", column: innerColumn + offset,
                           hint: "keep one filter, e.g. {{ avrr.country.Iraq.share | percent: 1 }}")
        }
        let filterOffset = parts[0].count + 1
        let (call, callOffset) = trimmed(parts[1])
        let filterColumn = innerColumn + filterOffset + callOffset
        let pieces = call.unicodeScalars.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map { String($0) }
        let filterName = trimmed(pieces[0]).text
        if filterName.isEmpty {
            return failure("there is a | but no filter after it", column: filterColumn,
                           hint: "name a filter (percent, words, list, date, decimals) or remove the |")
        }
        var argument: String?
        if pieces.count == 2 {
            var text = trimmed(pieces[1]).text
            if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { text = String(text.dropFirst().dropLast()) }
            argument = text
        }
        placeholder.filter = Placeholder.FilterCall(name: filterName, argument: argument, column: filterColumn)
        return .success(placeholder)
    }

    /// The text without surrounding spaces, and how many scalars were cut from its start.
    private static func trimmed(_ text: String) -> (text: String, offset: Int) {
        let scalars = text.unicodeScalars
        let leading = scalars.prefix { $0 == " " || $0 == "\t" }.count
        let trailing = scalars.reversed().prefix { $0 == " " || $0 == "\t" }.count
        guard leading < scalars.count else { return ("", leading) }
        return (String(String.UnicodeScalarView(scalars.dropFirst(leading).dropLast(trailing))), leading)
    }
}
