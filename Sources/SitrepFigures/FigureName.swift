#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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

    /// `first.second`, or `earlier` when it is spelt so: a table's figures come in the same
    /// order from one period to the next, so the report before's name at the same place is
    /// usually this one, and sharing it makes no string (about 550 instructions a name, and its release).
    static func dotted(_ first: String, _ second: String, reusing earlier: String?) -> String {
        if let earlier, spells(earlier, first, second, nil) { return earlier }
        return dotted(first, second)
    }

    /// `first.second.third`, or `earlier` when it is spelt so (see above).
    static func dotted(_ first: String, _ second: String, _ third: String, reusing earlier: String?) -> String {
        if let earlier, spells(earlier, first, second, third) { return earlier }
        return dotted(first, second, third)
    }

    /// Whether `name`'s bytes are the parts' with a dot between each.
    static func spells(_ name: String, _ first: String, _ second: String, _ third: String?) -> Bool {
        let count = first.utf8.count + 1 + second.utf8.count + (third.map { 1 + $0.utf8.count } ?? 0)
        guard name.utf8.count == count else { return false }
        return name.withBorrowedUTF8 { bytes in
            var offset = 0
            func follows(_ part: String) -> Bool {
                part.withBorrowedUTF8 { part in
                    defer { offset += part.count }
                    guard let start = part.baseAddress, let base = bytes.baseAddress else { return part.isEmpty }
                    return memcmp(base + offset, start, part.count) == 0
                }
            }
            func dot() -> Bool {
                defer { offset += 1 }
                return bytes[offset] == UInt8(ascii: ".")
            }
            guard follows(first), dot(), follows(second) else { return false }
            guard let third else { return true }
            return dot() && follows(third)
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
