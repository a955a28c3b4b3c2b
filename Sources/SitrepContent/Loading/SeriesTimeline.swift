import SitrepDiagnostics

/// Puts a series' period folders in order and gives each its dates.
///
/// A period's end is its front matter's `period.end`, or the end implied by the folder name; its
/// start is the front matter's `period.start`, or the first of the month for `YYYY-MM`, or the day
/// after the previous period ends (the onset for the first). Periods are ordered by end date;
/// two periods that share a day are an error naming both.
enum SeriesTimeline {
    /// What the front matter says about dates, read before the report itself.
    struct StatedDates {
        var start: Day?
        var end: Day?
        var asOf: Day?
    }


    static func order(_ folders: [PeriodFolder], dates: [String: StatedDates], onset: Day?) throws(DiagnosticError) -> [PeriodFolder] {
        var ordered = folders.map { folder -> PeriodFolder in
            var folder = folder
            folder.period.end = dates[folder.name]?.end ?? folder.nominalEnd
            return folder
        }
        ordered.sort { ($0.period.end, $0.name) < ($1.period.end, $1.name) }
        var problems: [Diagnostic] = []
        for index in ordered.indices {
            let stated = dates[ordered[index].name]
            let previous = index > 0 ? ordered[index - 1] : nil
            ordered[index].period.start = stated?.start ?? ordered[index].nominalStart
                ?? previous.map { $0.period.end.adding(days: 1) } ?? onset ?? ordered[index].period.end
            ordered[index].period.asOf = stated?.asOf
            let period = ordered[index].period
            if period.end < period.start {
                problems.append(Diagnostic(
                    at: SourceLocation(file: "\(ordered[index].path)/report.md"),
                    "the period ends (\(period.end)) before it starts (\(period.start))",
                    hint: "check `period:` in the front matter"))
            }
            if let previous, period.start <= previous.period.end {
                problems.append(Diagnostic(
                    at: SourceLocation(file: "\(ordered[index].path)/report.md"),
                    "the periods \(previous.name) (\(previous.period.start) to \(previous.period.end)) and \(ordered[index].name) (\(period.start) to \(period.end)) overlap",
                    hint: "a day can belong to one period only: start \(ordered[index].name) on \(previous.period.end.adding(days: 1)) or end \(previous.name) earlier"))
            }
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
        return ordered
    }
}

extension SeriesTimeline.StatedDates {
    /// Reads the dates from front matter written in the usual one-line forms
    /// (`as_of: 2022-06-09`, `period: {start: 2022-05-27, end: 2022-06-09}`) without a YAML
    /// parse, which the series outline would otherwise pay once more per report. Returns nil
    /// for anything else, and the caller parses the YAML.
    init?(simpleFrontMatter yaml: String) {
        self.init()
        var contiguous = yaml
        let utf8 = yaml.utf8
        for range in contiguous.withUTF8(Self.dateLines) {
            let line = yaml[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
            if line.hasPrefix("as_of:") {
                guard let day = Day(iso: Self.trimmed(line.dropFirst("as_of:".count))) else { return nil }
                asOf = day
            } else if line.hasPrefix("period:") {
                var value = Self.trimmed(line.dropFirst("period:".count))
                guard value.hasPrefix("{"), value.hasSuffix("}") else { return nil }
                value = value.dropFirst().dropLast()
                for pair in value.split(separator: ",") {
                    let parts = pair.split(separator: ":", maxSplits: 1)
                    guard parts.count == 2, let day = Day(iso: Self.trimmed(parts[1])) else { return nil }
                    switch Self.trimmed(parts[0]) {
                    case "start": start = day
                    case "end": end = day
                    default: return nil
                    }
                }
            }
        }
    }

    /// The lines whose bytes start as a date's line does (`as_of:`, `period:`), as byte ranges:
    /// no other line can be one, and those are passed without being made substrings (which cost
    /// 3 M instructions in a 100-report build). Lines are cut at LF bytes (a CRLF line keeps its
    /// CR, which `trimmed` drops): splitting by Character would see CR LF as one character and
    /// never cut a Windows file.
    private static func dateLines(_ utf8: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var lineStart = 0
        while lineStart < utf8.count {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.count
            let line = utf8[lineStart..<lineEnd]
            if line.starts(with: "as_of:".utf8) || line.starts(with: "period:".utf8) { lines.append(lineStart..<lineEnd) }
            lineStart = lineEnd < utf8.count ? lineEnd + 1 : lineEnd
        }
        return lines
    }

    private static func trimmed(_ text: Substring) -> Substring {
        var text = text
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
        return text
    }
}
