import SitrepDiagnostics

/// Turns the bytes of a CSV file into checked UTF-8 text: strips a UTF-8 byte order mark,
/// converts UTF-16 (little or big endian, with byte order mark, or without one when the NUL
/// bytes say so: ``utf16ByteOrder(_:)``) to UTF-8, and rejects bytes that are not UTF-8 (most
/// often a Windows-1252 or Windows-1251 file saved by Excel: ``CSVLegacyEncoding``) with their
/// position and how to convert the file.
/// A Ctrl-Z (0x1A) at the very end, the DOS end-of-file mark, is dropped.
enum CSVTextDecoding {
    static let saveAsUTF8Hint = "save the file as 'CSV UTF-8 (Comma delimited)' in Excel"

    /// The UTF-8 text of `bytes`, without byte order mark, or the diagnostic saying why not.
    static func utf8Text(_ bytes: [UInt8], file: String) -> Result<[UInt8], DiagnosticError> {
        var bytes = bytes
        if bytes.last == 0x1A { bytes.removeLast() }
        if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE {
            return utf16ToUTF8(bytes, bigEndian: false, start: 2, file: file)
        }
        if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF {
            return utf16ToUTF8(bytes, bigEndian: true, start: 2, file: file)
        }
        var text = bytes
        var offsetInFile = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            text.removeFirst(3)
            offsetInFile = 3
        }
        if let bad = firstInvalidUTF8(text) {
            if offsetInFile == 0, let bigEndian = utf16ByteOrder(bytes) {
                return utf16ToUTF8(bytes, bigEndian: bigEndian, start: 0, file: file)
            }
            return .failure(DiagnosticError(invalidUTF8(text, at: bad, offsetInFile: offsetInFile + bad, file: file)))
        }
        return .success(text)
    }

    // MARK: UTF-8 validation

    /// The offset of the first byte that does not start a well-formed UTF-8 sequence, or of
    /// the first NUL byte; nil when the text is clean.
    static func firstInvalidUTF8(_ text: [UInt8]) -> Int? {
        text.withUnsafeBufferPointer { buffer -> Int? in
            let count = buffer.count
            var index = 0
            let raw = UnsafeRawBufferPointer(buffer)
            while index < count {
                // Fast path: eight ASCII bytes, none of them NUL.
                if index + 8 <= count {
                    let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    let high = word & 0x8080_8080_8080_8080
                    let zero = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
                    if high | zero == 0 {
                        index += 8
                        continue
                    }
                }
                let lead = buffer[index]
                if lead < 0x80 {
                    if lead == 0 { return index }
                    index += 1
                    continue
                }
                let length: Int
                var low: UInt8 = 0x80
                var high: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; low = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: length = 3; high = 0x9F
                case 0xF0: length = 4; low = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; high = 0x8F
                default: return index
                }
                guard index + length <= count else { return index }
                let second = buffer[index + 1]
                guard second >= low && second <= high else { return index }
                for next in 2..<length where buffer[index + next] & 0xC0 != 0x80 {
                    return index
                }
                index += length
            }
            return nil
        }
    }

    private static func invalidUTF8(_ text: [UInt8], at offset: Int, offsetInFile: Int, file: String) -> Diagnostic {
        let position = CSVTextPosition(text, offset: offset)
        let byte = text[offset]
        let location = SourceLocation(file: file, line: position.line, column: position.column)
        if byte == 0 {
            return Diagnostic(
                .error, at: location,
                "the file contains a NUL byte at line \(position.line), column \(position.column) (byte offset \(offsetInFile)); "
                    + "it may be UTF-16 text without a byte order mark, or not a text file at all",
                hint: saveAsUTF8Hint, sourceLine: position.lineText)
        }
        var message = "the file is not valid UTF-8: byte \(hex(byte)) at line \(position.line), column \(position.column) "
            + "(byte offset \(offsetInFile)) cannot be read"
        let encoding = CSVLegacyEncoding.likely(in: text)
        if let guess = encoding.character(byte) {
            message += "; it looks like '\(guess)' in the \(encoding.name) encoding that Excel uses for plain 'CSV'"
        }
        // The line as the encoding reads it, when the caret stays right (ASCII before it).
        let lineStart = text[..<offset].lastIndex { $0 == 0x0A || $0 == 0x0D }.map { $0 + 1 } ?? 0
        var lineEnd = offset
        while lineEnd < text.count && text[lineEnd] != 0x0A && text[lineEnd] != 0x0D { lineEnd += 1 }
        let shown = text[lineStart..<offset].allSatisfy { $0 < 0x80 } ? encoding.decode(text[lineStart..<lineEnd]) : position.lineText
        return Diagnostic(.error, at: location, message, hint: encoding.conversionHint(file: file), sourceLine: shown)
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }

    /// The character a byte stands for in Windows-1252, for bytes that are not ASCII and are
    /// printable there.
    static func windows1252Character(_ byte: UInt8) -> Character? {
        switch byte {
        case 0x80...0x9F:
            let table: [UInt32] = [
                0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
                0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
            ]
            let value = table[Int(byte - 0x80)]
            return value == 0 ? nil : Unicode.Scalar(value).map(Character.init)
        case 0xA1...0xFF:
            return Character(Unicode.Scalar(byte))
        default:
            return nil
        }
    }

    // MARK: UTF-16

    private static func appendUTF8(_ value: UInt32, to output: inout [UInt8]) {
        switch value {
        case ..<0x80:
            output.append(UInt8(value))
        case ..<0x800:
            output.append(UInt8(0xC0 | value >> 6))
            output.append(UInt8(0x80 | value & 0x3F))
        case ..<0x10000:
            output.append(UInt8(0xE0 | value >> 12))
            output.append(UInt8(0x80 | value >> 6 & 0x3F))
            output.append(UInt8(0x80 | value & 0x3F))
        default:
            output.append(UInt8(0xF0 | value >> 18))
            output.append(UInt8(0x80 | value >> 12 & 0x3F))
            output.append(UInt8(0x80 | value >> 6 & 0x3F))
            output.append(UInt8(0x80 | value & 0x3F))
        }
    }

    /// Whether `bytes` are UTF-16 text, with a byte order mark or without.
    static func isUTF16(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || utf16ByteOrder(bytes) != nil
    }

    /// Whether `bytes`, which have no byte order mark, are UTF-16 text: true for big endian,
    /// false for little endian, nil when they are not. They are when their length is even, every
    /// NUL byte is on the same side of its pair (the high byte of a character below U+0100),
    /// and at least a quarter of the pairs have one: the digits, separators and line ends of
    /// a table are such characters. The text must still read as UTF-16 without a NUL
    /// character, or the conversion fails with its place.
    static func utf16ByteOrder(_ bytes: [UInt8]) -> Bool? {
        guard bytes.count >= 2, bytes.count % 2 == 0 else { return nil }
        var nulsAtEven = 0
        var nulsAtOdd = 0
        for index in stride(from: 0, to: bytes.count, by: 2) {
            if bytes[index] == 0 { nulsAtEven += 1 }
            if bytes[index + 1] == 0 { nulsAtOdd += 1 }
        }
        let enough = max(1, bytes.count / 8)
        if nulsAtEven == 0 && nulsAtOdd >= enough { return false }
        if nulsAtOdd == 0 && nulsAtEven >= enough { return true }
        return nil
    }

    private static func utf16ToUTF8(_ bytes: [UInt8], bigEndian: Bool, start: Int, file: String) -> Result<[UInt8], DiagnosticError> {
        let encoding = bigEndian ? "UTF-16 big endian" : "UTF-16 little endian"
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count / 2 + bytes.count / 8)
        let count = bytes.count
        var index = start
        func unit(at offset: Int) -> UInt16 {
            bigEndian
                ? UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
                : UInt16(bytes[offset + 1]) << 8 | UInt16(bytes[offset])
        }
        func failure(_ what: String, at offset: Int) -> Result<[UInt8], DiagnosticError> {
            let position = CSVTextPosition(output, offset: output.count)
            return .failure(DiagnosticError(Diagnostic(
                .error, at: SourceLocation(file: file, line: position.line, column: position.column),
                "the file is \(start == 0 ? "read" : "marked") as \(encoding) but \(what) at byte offset \(offset) (line \(position.line), column \(position.column))",
                hint: saveAsUTF8Hint, sourceLine: position.lineText)))
        }
        while index < count {
            guard index + 1 < count else { return failure("ends in the middle of a character", at: index) }
            let first = unit(at: index)
            var scalarValue = UInt32(first)
            var width = 2
            if first >= 0xD800 && first <= 0xDBFF {
                guard index + 3 < count else { return failure("ends in the middle of a character", at: index) }
                let second = unit(at: index + 2)
                guard second >= 0xDC00 && second <= 0xDFFF else {
                    return failure("has an unpaired surrogate \(String(first, radix: 16, uppercase: true))", at: index)
                }
                scalarValue = 0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00)
                width = 4
            } else if first >= 0xDC00 && first <= 0xDFFF {
                return failure("has an unpaired surrogate \(String(first, radix: 16, uppercase: true))", at: index)
            }
            if scalarValue == 0 { return failure("contains a NUL character", at: index) }
            guard let scalar = Unicode.Scalar(scalarValue) else { return failure("has an invalid character", at: index) }
            appendUTF8(scalar.value, to: &output)
            index += width
        }
        return .success(output)
    }
}

/// The 1-based line and column (in characters) of a byte offset in UTF-8 text whose bytes
/// before the offset are valid, with the text of that line (invalid bytes shown as U+FFFD).
struct CSVTextPosition {
    var line = 1
    var column = 1
    var lineText = ""

    init(_ text: [UInt8], offset: Int) {
        var lineStart = 0
        var index = 0
        while index < offset {
            let byte = text[index]
            index += 1
            if byte == 0x0D {
                if index < offset && text[index] == 0x0A { index += 1 }
                line += 1
                lineStart = index
            } else if byte == 0x0A {
                line += 1
                lineStart = index
            }
        }
        column = String(decoding: text[lineStart..<offset], as: UTF8.self).count + 1
        var end = offset
        while end < text.count && text[end] != 0x0D && text[end] != 0x0A { end += 1 }
        lineText = String(decoding: text[lineStart..<end], as: UTF8.self)
    }
}
