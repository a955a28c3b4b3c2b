#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SitrepContent

extension ChartBlock {
    /// The figures that line and column charts in `narrative` follow over the series, found
    /// before the series is walked, so that their values are kept from its first period on.
    public static func seriesFigures(in narrative: String) -> [String] {
        var text = narrative
        return text.withUTF8 { seriesFigures(inUTF8: $0) }
    }

    /// `seriesFigures(in:)` of a file's bytes (UTF-8), as read: every file of a series is scanned
    /// before it is walked, so the scan looks only at the bytes around each `sitrep-chart`.
    /// Fences are found as CommonMark finds them at the top level (up to three spaces, three or
    /// more backticks or tildes, the info string's first word, closed by a like fence at least as
    /// long); a block whose YAML cannot be read is left to the narrative's rendering to report.
    public static func seriesFigures(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        let word = Array("sitrep-chart".utf8)
        var found: [String] = []
        var from = 0
        while let at = firstIndex(of: word, in: bytes, from: from) {
            from = at + word.count
            guard let fence = openingFence(endingAt: at, length: word.count, in: bytes) else { continue }
            let bodyStart = lineEnd(from: from, in: bytes)
            var lineStart = bodyStart
            while lineStart < bytes.count {
                let end = lineEnd(from: lineStart, in: bytes)
                if closes(fence, line: lineStart..<end, in: bytes) { break }
                lineStart = end
            }
            from = lineStart
            let body = String(decoding: UnsafeBufferPointer(rebasing: bytes[min(bodyStart, lineStart)..<lineStart]), as: UTF8.self)
            if let yaml = try? YAMLNode.parse(body, file: ""),
               let type = yaml["type"]?.scalar, type == Kind.line.rawValue || type == Kind.column.rawValue,
               let figure = yaml["figure"]?.scalar {
                found.append(figure)
            }
        }
        return found
    }

    private static let space = UInt8(ascii: " "), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    /// Where `word` next occurs in `bytes` at or after `from`. The C library's `memchr` jumps to
    /// each `-` (rare in prose, and the word's seventh byte), many bytes at a time; only there is
    /// the word compared.
    private static func firstIndex(of word: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let base = bytes.baseAddress, let hyphen = word.firstIndex(of: UInt8(ascii: "-")) else { return nil }
        var start = from + hyphen
        while start < bytes.count, let found = memchr(base + start, Int32(UInt8(ascii: "-")), bytes.count - start) {
            let at = UnsafeRawPointer(found) - UnsafeRawPointer(base) - hyphen
            if at >= from, at + word.count <= bytes.count, word.indices.allSatisfy({ bytes[at + $0] == word[$0] }) { return at }
            start = at + hyphen + 1
        }
        return nil
    }

    /// The fence's character and length when the info string's first word, at `at`, opens a
    /// fenced block: the line holds up to three spaces, the fence, spaces, then the word, which
    /// ends there or at a space.
    private static func openingFence(endingAt at: Int, length: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (UInt8, Int)? {
        let after = at + length
        guard after == bytes.count || [space, newline, carriageReturn].contains(bytes[after]) else { return nil }
        var start = at
        while start > 0, bytes[start - 1] != newline { start -= 1 }
        var index = start
        while index < at, bytes[index] == space, index - start < 4 { index += 1 }
        guard index - start <= 3, index < at else { return nil }
        let marker = bytes[index]
        guard marker == UInt8(ascii: "`") || marker == UInt8(ascii: "~") else { return nil }
        let fenceStart = index
        while index < at, bytes[index] == marker { index += 1 }
        let fenceLength = index - fenceStart
        while index < at, bytes[index] == space { index += 1 }
        return fenceLength >= 3 && index == at ? (marker, fenceLength) : nil
    }

    /// The index after the end of the line that `from` is on (after its `\n`).
    private static func lineEnd(from: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = from
        while index < bytes.count, bytes[index] != newline { index += 1 }
        return min(index + 1, bytes.count)
    }

    /// True when `line` closes a block opened by `fence`: up to three spaces, the fence's
    /// character at least as many times, then only spaces.
    private static func closes(_ fence: (UInt8, Int), line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = line.lowerBound
        while index < line.upperBound, bytes[index] == space, index - line.lowerBound < 4 { index += 1 }
        guard index - line.lowerBound <= 3 else { return false }
        let start = index
        while index < line.upperBound, bytes[index] == fence.0 { index += 1 }
        guard index - start >= fence.1 else { return false }
        return bytes[index..<line.upperBound].allSatisfy { $0 == space || $0 == newline || $0 == carriageReturn }
    }
}
