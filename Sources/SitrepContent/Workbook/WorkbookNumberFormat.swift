/// Whether a cell's number format shows its number as a date, a time or both: a date in a
/// workbook is a number of days (a serial), and only its format says it is one.
enum WorkbookNumberFormat {
    enum Kind: Equatable {
        case number, date, dateTime, time
    }

    /// The kind of the format numbered `id`, built in (14 is `m/d/yyyy`) or among `custom`.
    static func kind(id: Int, custom: [Int: String]) -> Kind {
        if let code = custom[id] { return kind(code: code) }
        switch id {
        case 14...17, 27...31, 34...36, 50...58: return .date
        case 22: return .dateTime
        case 18...21, 32, 33, 45...47: return .time
        default: return .number
        }
    }

    /// The kind of a format code such as `dd/mm/yyyy` or `[$-409]h:mm AM/PM;@`: a date when its
    /// first section has a day or a year in it, a time when it has hours or seconds. Text in
    /// quotes, escaped characters and bracketed parts (colours, locales) are not looked at.
    static func kind(code: String) -> Kind {
        var letters = Set<Character>()
        var quoted = false
        var bracketed = false
        var escaped = false
        for character in code {
            if escaped { escaped = false; continue }
            if quoted { if character == "\"" { quoted = false }; continue }
            if bracketed {
                if character == "]" { bracketed = false }
                // Elapsed time, [h]:mm, is a time.
                if "hHsS".contains(character) { letters.insert("h") }
                continue
            }
            switch character {
            case "\"": quoted = true
            case "[": bracketed = true
            case "\\", "_", "*": escaped = true
            case ";": return kind(of: letters)
            default: letters.insert(Character(character.lowercased()))
            }
        }
        return kind(of: letters)
    }

    private static func kind(of letters: Set<Character>) -> Kind {
        let date = letters.contains("d") || letters.contains("y")
        let time = letters.contains("h") || letters.contains("s")
        switch (date, time) {
        case (true, true): return .dateTime
        case (true, false): return .date
        case (false, true): return .time
        case (false, false): return .number
        }
    }
}
