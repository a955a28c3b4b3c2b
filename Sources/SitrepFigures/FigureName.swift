import SitrepContent

/// Figure names joined with dots, each spelt in one allocation: a report's tables give it
/// hundreds of names, and string interpolation appends each part separately.
enum FigureName {
    /// `first.second`.
    static func dotted(_ first: String, _ second: String) -> String {
        var (first, second) = (first, second)
        return first.withUTF8 { first in
            second.withUTF8 { second in joined([first, second]) }
        }
    }

    /// `first.second.third`.
    static func dotted(_ first: String, _ second: String, _ third: String) -> String {
        var (first, second, third) = (first, second, third)
        return first.withUTF8 { first in
            second.withUTF8 { second in
                third.withUTF8 { third in joined([first, second, third]) }
            }
        }
    }

    /// The name of the top `n` group (`top3`), for `n` up to ``FigureWord/maximumTop``.
    static func top(_ n: Int) -> String { tops[n] }

    private static let tops = (0...FigureWord.maximumTop).map(FigureWord.top)

    private static func joined(_ parts: [UnsafeBufferPointer<UInt8>]) -> String {
        let count = parts.reduce(parts.count - 1) { $0 + $1.count }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var offset = 0
            for (index, part) in parts.enumerated() {
                if index > 0 {
                    buffer[offset] = UInt8(ascii: ".")
                    offset += 1
                }
                if let start = part.baseAddress {
                    UnsafeMutableRawPointer(buffer.baseAddress! + offset).copyMemory(from: start, byteCount: part.count)
                }
                offset += part.count
            }
            return offset
        }
    }
}
