/// The 8-bit encodings Excel writes plain 'CSV' in on Windows: Windows-1252 (Western European)
/// and Windows-1251 (Cyrillic). sitrep does not read them: the same bytes are letters of one
/// alphabet in one and of another in the other (and in Windows-1250, ISO 8859-x, Mac Roman…),
/// and nothing in a file says which, so a guess could turn a region's name into another name
/// without a word. ``likely(in:)`` only picks which encoding to name in the message and in the
/// command that converts the file.
enum CSVLegacyEncoding: Equatable {
    case windows1251
    case windows1252

    /// The encoding the bytes above 0x7F of `text` most likely are. Cyrillic words are runs of
    /// such bytes (`Гомель` is six in a row), while Western European text has an accented
    /// letter here and there among ASCII letters (`Côte`, `Größe`): Windows-1251 when bytes
    /// above 0xBF follow each other more often than they touch an ASCII letter.
    static func likely(in text: [UInt8]) -> CSVLegacyEncoding {
        var runs = 0
        var touchingLetters = 0
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        for index in text.indices.dropLast() {
            let byte = text[index], next = text[index + 1]
            if byte >= 0xC0 && next >= 0xC0 {
                runs += 1
            } else if (byte >= 0xC0 && isLetter(next)) || (isLetter(byte) && next >= 0xC0) {
                touchingLetters += 1
            }
        }
        return runs > touchingLetters ? .windows1251 : .windows1252
    }

    /// `Windows-1251`.
    var name: String {
        switch self {
        case .windows1251: return "Windows-1251"
        case .windows1252: return "Windows-1252"
        }
    }

    /// The character `byte` stands for in this encoding, for bytes above 0x7F that are printable.
    func character(_ byte: UInt8) -> Character? {
        switch self {
        case .windows1252:
            return CSVTextDecoding.windows1252Character(byte)
        case .windows1251:
            guard byte >= 0x80 else { return nil }
            let value = byte >= 0xC0 ? 0x0410 + UInt32(byte - 0xC0) : Self.windows1251High[Int(byte - 0x80)]
            guard value != 0, value != 0xA0, value != 0xAD else { return nil }
            return Unicode.Scalar(value).map(Character.init)
        }
    }

    /// `bytes` read in this encoding, U+FFFD for a byte that stands for nothing printable.
    func decode(_ bytes: ArraySlice<UInt8>) -> String {
        var text = ""
        for byte in bytes {
            text.append(byte < 0x80 ? Character(Unicode.Scalar(byte)) : character(byte) ?? "\u{FFFD}")
        }
        return text
    }

    /// How to convert the file called `file` (a path from the project folder) to UTF-8: in the
    /// spreadsheet, or with `iconv`, which Linux and macOS have.
    func conversionHint(file: String) -> String {
        func quoted(_ path: String) -> String {
            "'" + path.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
        }
        let original = quoted(file), converted = quoted(file + ".utf8")
        return "open the file in Excel and save it with File > Save As > 'CSV UTF-8 (Comma delimited) (*.csv)' "
            + "(LibreOffice: File > Save As, tick 'Edit filter settings', character set 'Unicode (UTF-8)'), "
            + "or, in the project folder, run "
            + "`iconv -f \(name.uppercased()) -t UTF-8 \(original) > \(converted) && mv \(converted) \(original)`"
    }

    /// Windows-1251 from 0x80 to 0xBF (0 where nothing is assigned); from 0xC0 on the letters
    /// А to я follow one another from U+0410.
    private static let windows1251High: [UInt32] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
        0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
        0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
        0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
    ]
}
