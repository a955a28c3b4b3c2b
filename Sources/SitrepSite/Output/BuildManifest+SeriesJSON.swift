/// A series' index as the manifest's `S` lines hold it: the bytes `JSONEncoder` writes with
/// `.sortedKeys` (the keys in UTF-8 order, a nil optional left out, `/` escaped), which
/// `JSONDecoder` reads back. Written by hand: the encoder cost 0.12 M instructions per report
/// of a cold build, most of it first-time type metadata and conformance lookups (callgrind).
extension BuildManifest {
    static func appendJSON(of index: SiteRenderer.SeriesIndex, into json: inout ByteWriter) {
        json.append("{\"feed\":[")
        for (position, entry) in index.feed.enumerated() {
            json.append(position == 0 ? "{\"author\":" : ",{\"author\":")
            appendString(entry.author, into: &json)
            json.append(",\"id\":")
            appendString(entry.id, into: &json)
            json.append(",\"summary\":")
            appendString(entry.summary, into: &json)
            json.append(",\"title\":")
            appendString(entry.title, into: &json)
            json.append(",\"updated\":")
            appendString(entry.updated.description, into: &json)
            json.append(",\"url\":")
            appendString(entry.url, into: &json)
            json.append("}")
        }
        json.append("],\"outline\":[")
        for (position, period) in index.outline.enumerated() {
            json.append(position == 0 ? "{" : ",{")
            if let asOf = period.asOf {
                json.append("\"asOf\":")
                appendString(asOf.description, into: &json)
                json.append(",")
            }
            json.append("\"end\":")
            appendString(period.end.description, into: &json)
            json.append(",\"name\":")
            appendString(period.name, into: &json)
            json.append(",\"start\":")
            appendString(period.start.description, into: &json)
            json.append("}")
        }
        json.append("],\"pages\":[")
        for (position, page) in index.pages.enumerated() {
            json.append(position == 0 ? "{" : ",{")
            if let modified = page.modified {
                json.append("\"modified\":")
                appendString(modified.description, into: &json)
                json.append(",")
            }
            json.append("\"path\":")
            appendString(page.path, into: &json)
            json.append("}")
        }
        let summary = index.summary
        json.append("],\"summary\":{")
        if let label = summary.latestPeriodLabel {
            json.append("\"latestPeriodLabel\":")
            appendString(label, into: &json)
            json.append(",")
        }
        if let url = summary.latestURL {
            json.append("\"latestURL\":")
            appendString(url, into: &json)
            json.append(",")
        }
        json.append("\"office\":")
        appendString(summary.office, into: &json)
        json.append(",\"reportCount\":")
        json.appendDecimal(summary.reportCount)
        json.append(",\"title\":")
        appendString(summary.title, into: &json)
        json.append(",\"url\":")
        appendString(summary.url, into: &json)
        json.append("}}")
    }

    /// The bytes JSONEncoder escapes: control characters, `"`, `\` and `/`.
    private static let needsEscaping: [Bool] = (0..<256).map { byte in
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x2F
    }

    /// A JSON string, escaped as JSONEncoder escapes it (`\u` with lowercase hex digits).
    private static func appendString(_ text: String, into json: inout ByteWriter) {
        var text = text
        json.append("\"")
        text.withUTF8 { bytes in
            needsEscaping.withUnsafeBufferPointer { table in
                json.append(bytes, escaped: table) { json, bytes, index in
                    let byte = bytes[index]
                    switch byte {
                    case UInt8(ascii: "\""): json.append("\\\"")
                    case UInt8(ascii: "\\"): json.append("\\\\")
                    case UInt8(ascii: "/"): json.append("\\/")
                    case 0x08: json.append("\\b")
                    case 0x0C: json.append("\\f")
                    case UInt8(ascii: "\n"): json.append("\\n")
                    case UInt8(ascii: "\r"): json.append("\\r")
                    case UInt8(ascii: "\t"): json.append("\\t")
                    default:
                        let digits: StaticString = "0123456789abcdef"
                        json.append("\\u00")
                        json.append(digits.utf8Start[Int(byte >> 4)])
                        json.append(digits.utf8Start[Int(byte & 0x0F)])
                    }
                    return 1
                }
            }
        }
        json.append("\"")
    }
}
