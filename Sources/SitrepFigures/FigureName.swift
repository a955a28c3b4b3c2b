import SitrepContent

/// Figure names joined with dots, each spelt in one allocation: a report's tables give it
/// hundreds of names, and string interpolation appends each part separately.
enum FigureName {
    /// `first.second`.
    static func dotted(_ first: String, _ second: String) -> String {
        first.withBorrowedUTF8 { first in
            second.withBorrowedUTF8 { second in joined(first, second, nil) }
        }
    }

    /// `first.second.third`.
    static func dotted(_ first: String, _ second: String, _ third: String) -> String {
        first.withBorrowedUTF8 { first in
            second.withBorrowedUTF8 { second in
                third.withBorrowedUTF8 { third in joined(first, second, third) }
            }
        }
    }

    /// The name of the top `n` group (`top3`), for `n` up to ``FigureWord/maximumTop``.
    static func top(_ n: Int) -> String { tops[n] }

    private static let tops = (0...FigureWord.maximumTop).map(FigureWord.top)

    /// The parts with a dot between each. No array of parts: building one cost as much as the
    /// copying (callgrind: 740 instructions a name with it).
    private static func joined(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>,
                               _ third: UnsafeBufferPointer<UInt8>?) -> String {
        let count = first.count + 1 + second.count + (third.map { 1 + $0.count } ?? 0)
        return String(unsafeUninitializedCapacity: count) { buffer in
            var offset = 0
            func copy(_ part: UnsafeBufferPointer<UInt8>) {
                if let start = part.baseAddress {
                    UnsafeMutableRawPointer(buffer.baseAddress! + offset).copyMemory(from: start, byteCount: part.count)
                }
                offset += part.count
            }
            copy(first)
            buffer[offset] = UInt8(ascii: ".")
            offset += 1
            copy(second)
            if let third {
                buffer[offset] = UInt8(ascii: ".")
                offset += 1
                copy(third)
            }
            return offset
        }
    }
}
