import SitrepContent

extension ChartBlock {
    /// The figures that line and column charts in `narrative` follow over the series, found
    /// before the series is walked, so that their values are kept from its first period on.
    /// Fences are found as CommonMark finds them at the top level (up to three spaces, three or
    /// more backticks or tildes, closed by a like fence at least as long); a block whose YAML
    /// cannot be read is left to the narrative's rendering to report.
    public static func seriesFigures(in narrative: String) -> [String] {
        guard narrative.contains("sitrep-chart") else { return [] }
        var found: [String] = []
        var fence: (character: Character, length: Int)?
        var body: [Substring] = []
        // "\r\n" is one Character in Swift: a file saved with Windows line ends splits on it.
        for line in narrative.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let trimmed = line.drop { $0 == " " }
            let indent = line.count - trimmed.count
            guard let open = fence else {
                if indent <= 3, let marker = trimmed.first, marker == "`" || marker == "~" {
                    let length = trimmed.prefix { $0 == marker }.count
                    let info = trimmed.dropFirst(length).drop { $0 == " " }
                    if length >= 3, info.split(separator: " ").first == "sitrep-chart" {
                        fence = (marker, length)
                        body = []
                    }
                }
                continue
            }
            let closing = trimmed.prefix { $0 == open.character }.count
            if indent <= 3, closing >= open.length, trimmed.dropFirst(closing).allSatisfy({ $0 == " " }) {
                fence = nil
                if let yaml = try? YAMLNode.parse(body.joined(separator: "\n"), file: ""),
                   let type = yaml["type"]?.scalar, type == Kind.line.rawValue || type == Kind.column.rawValue,
                   let figure = yaml["figure"]?.scalar {
                    found.append(figure)
                }
            } else {
                body.append(line)
            }
        }
        return found
    }
}
