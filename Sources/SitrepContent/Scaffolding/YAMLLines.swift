/// Line-by-line scanning of simple YAML (front matter and `figures.yml`) for `sitrep new`, which
/// rewrites values while keeping every other byte (comments, spacing, line ends) as written.
enum YAMLLines {
    static func splitLines(_ text: String) -> [String] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
    }

    /// The line without a final carriage return, and that return ("" when there was none).
    static func stripCR(_ line: String) -> (body: String, cr: String) {
        guard line.unicodeScalars.last == "\r" else { return (line, "") }
        return (String(String.UnicodeScalarView(line.unicodeScalars.dropLast())), "\r")
    }

    static func isBlank(_ line: String) -> Bool {
        line.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
    }

    /// Whether the line is a block list item (`- Gomel`, `-`).
    static func isItem(_ line: String) -> Bool {
        let scalars = Array(stripCR(line).body.unicodeScalars).drop { $0 == " " || $0 == "\t" }
        guard scalars.first == "-" else { return false }
        let next = scalars.dropFirst().first
        return next == nil || next == " " || next == "\t"
    }

    /// The index of the colon ending a mapping key that starts at `start`: a quoted key followed
    /// by `:`, or the first `:` followed by a space or the line end; nil when the line holds no key.
    static func keyColon(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start < scalars.count else { return nil }
        var index = start
        let first = scalars[start]
        if first == "\"" || first == "'" {
            index += 1
            while index < scalars.count {
                if first == "\"", scalars[index] == "\\" { index += 2; continue }
                if scalars[index] == first {
                    if first == "'", index + 1 < scalars.count, scalars[index + 1] == "'" { index += 2; continue }
                    break
                }
                index += 1
            }
            index += 1
            while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
            guard index < scalars.count, scalars[index] == ":" else { return nil }
            return index + 1 == scalars.count || scalars[index + 1] == " " || scalars[index + 1] == "\t" ? index : nil
        }
        if first == "{" || first == "[" || first == "?" || first == "|" || first == ">" { return nil }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "#", index > start, scalars[index - 1] == " " || scalars[index - 1] == "\t" { return nil }
            if scalar == ":", index + 1 == scalars.count || scalars[index + 1] == " " || scalars[index + 1] == "\t" { return index }
            index += 1
        }
        return nil
    }

    /// The index of the `#` starting a comment at or after `start`, outside quotes; nil when none.
    static func commentStart(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var quote: Unicode.Scalar?
        var index = start
        while index < scalars.count {
            let scalar = scalars[index]
            if let open = quote {
                if open == "\"", scalar == "\\" { index += 2; continue }
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                if index == start || [" ", "\t", "{", "[", ","].contains(scalars[index - 1]) { quote = scalar }
            } else if scalar == "#", index == start || scalars[index - 1] == " " || scalars[index - 1] == "\t" {
                return index
            }
            index += 1
        }
        return nil
    }

    static func trimmed(_ scalars: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        Array(scalars.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    /// A key's name: trimmed, without the quotes of a quoted key.
    static func plainKey(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var key = trimmed(scalars)
        if key.count >= 2, key.first == "\"" || key.first == "'", key.last == key.first {
            key = Array(key.dropFirst().dropLast())
        }
        return String(String.UnicodeScalarView(key))
    }
}
