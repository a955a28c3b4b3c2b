
/// The new period's `figures.yml`: the previous one with every value blanked.
extension NewPeriod {
    /// Option keys of a figure written as a map with `value:`; kept, since they are settings, not figures.
    static let optionKeys: Set<String> = ["approximate", "tolerance"]

    /// `figures.yml` with every value blanked, line by line: `key: value  # note` becomes
    /// `key:  # note` (the comment stays in its column); list items (`- Gomel`) and the lines
    /// continuing a multi-line value are removed; a flow list (`[a, b]`) is removed; in a flow
    /// map (`{a: 1, b: 2}`) each value is blanked (`{a: , b: }`). Keys, comments, blank lines and
    /// parent keys are kept. `approximate:` and `tolerance:` beside a `value:` keep their values.
    static func blankFigures(_ text: String) -> String {
        blankFigureLines(YAMLLines.splitLines(text)).joined(separator: "\n")
    }

    static func blankFigureLines(_ lines: [String]) -> [String] {
        let parsed = lines.map { line -> (indent: Int, key: String?) in
            let scalars = Array(YAMLLines.stripCR(line).body.unicodeScalars)
            let indent = scalars.prefix { $0 == " " || $0 == "\t" }.count
            if indent == scalars.count || scalars[indent] == "#" { return (indent, nil) }
            return (indent, YAMLLines.keyColon(scalars, from: indent).map { YAMLLines.plainKey(scalars[indent..<$0]) })
        }
        /// Whether the mapping holding line `index` also has a `value:` key.
        func hasValueSibling(_ index: Int) -> Bool {
            let indent = parsed[index].indent
            func scan(_ range: some Sequence<Int>) -> Bool {
                for other in range where !YAMLLines.isBlank(lines[other]) && parsed[other].key != nil || YAMLLines.isItem(lines[other]) {
                    if parsed[other].indent < indent { return false }
                    if parsed[other].indent == indent, parsed[other].key == "value" { return true }
                }
                return false
            }
            return scan((0..<index).reversed()) || scan((index + 1)..<lines.count)
        }

        var result: [String] = []
        var dropDeeperThan: Int?
        for (index, line) in lines.enumerated() {
            let (body, cr) = YAMLLines.stripCR(line)
            let scalars = Array(body.unicodeScalars)
            let indent = parsed[index].indent
            if YAMLLines.isBlank(line) {
                result.append(line)
                continue
            }
            if let limit = dropDeeperThan {
                if indent > limit { continue }
                dropDeeperThan = nil
            }
            if scalars[indent] == "#" || indent == 0 && (body.hasPrefix("---") || body.hasPrefix("...") || body.hasPrefix("%")) {
                result.append(line)
                continue
            }
            if YAMLLines.isItem(line) {
                dropDeeperThan = indent
                continue
            }
            guard let colon = YAMLLines.keyColon(scalars, from: indent), let key = parsed[index].key else {
                result.append(line)
                continue
            }
            let comment = YAMLLines.commentStart(scalars, from: colon + 1)
            let value = YAMLLines.trimmed(scalars[(colon + 1)..<(comment ?? scalars.count)])
            if value.isEmpty
                || (value.first == "&" || value.first == "!") && !value.contains(" ") && !value.contains("\t")
                || optionKeys.contains(key) && hasValueSibling(index) {
                result.append(line)
                continue
            }
            var kept = Array(scalars[...colon])
            if value.first == "{", value.last == "}", let blanked = blankFlowMap(value) {
                kept += [" "] + blanked
            } else {
                dropDeeperThan = indent
            }
            if let comment {
                kept += Array(repeating: " ", count: max(1, comment - kept.count)) + scalars[comment...]
            }
            result.append(String(String.UnicodeScalarView(kept)) + cr)
        }
        return result
    }

    /// A one-line flow map with each value blanked, nested maps blanked in turn; nil when it
    /// cannot be taken apart.
    private static func blankFlowMap(_ map: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        guard map.count >= 2 else { return nil }
        let inner = Array(map[1..<(map.count - 1)])
        var entries: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        var depth = 0
        var quote: Unicode.Scalar?
        for scalar in inner {
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == "{" || scalar == "[" {
                depth += 1
            } else if scalar == "}" || scalar == "]" {
                depth -= 1
            } else if scalar == ",", depth == 0 {
                entries.append(current)
                current = []
                continue
            }
            current.append(scalar)
        }
        guard quote == nil, depth == 0 else { return nil }
        entries.append(current)
        let split = entries.map { entry -> (key: [Unicode.Scalar], value: [Unicode.Scalar])? in
            let entry = YAMLLines.trimmed(entry[...])
            guard let colon = YAMLLines.keyColon(entry, from: 0) else { return nil }
            return (YAMLLines.trimmed(entry[..<colon]), YAMLLines.trimmed(entry[(colon + 1)...]))
        }
        let hasValue = split.contains { $0.map { YAMLLines.plainKey($0.key[...]) == "value" } ?? false }
        var parts: [[Unicode.Scalar]] = []
        for (raw, pair) in zip(entries, split) {
            guard let pair else {
                let entry = YAMLLines.trimmed(raw[...])
                if !entry.isEmpty { parts.append(entry) }   // a key without a value: already blank
                continue
            }
            let key = YAMLLines.plainKey(pair.key[...])
            if pair.value.isEmpty || hasValue && optionKeys.contains(key) {
                parts.append(pair.key + (pair.value.isEmpty ? [":", " "] : [":", " "] + pair.value))
            } else if pair.value.first == "{", pair.value.last == "}", let nested = blankFlowMap(pair.value) {
                parts.append(pair.key + [":", " "] + nested)
            } else {
                parts.append(pair.key + [":", " "])
            }
        }
        var result: [Unicode.Scalar] = ["{"]
        for (offset, part) in parts.enumerated() {
            if offset > 0 { result += [",", " "] }
            result += part
        }
        return result + ["}"]
    }
}
