import SitrepContent
import SitrepDiagnostics

/// A ```` ```sitrep-chart ```` block: a chart drawn at build time as inline SVG. Written as YAML:
///
///     type: bar              # bar, stacked, line or column
///     table: arrivals        # bar, stacked: the table
///     rows: nationality      # bar, stacked: one bar per value of this column, largest first
///     split: sex             # stacked: each bar split by this column
///     figure: arrivals.total # line, column: the figure over the periods of the series
///     top: 10                # bar, stacked: the rest become one "Other" bar
///     share: true            # bar, stacked: each bar's share of the total beside its value
///     unit: people           # optional: what the numbers count
///     title: People who entered Belarus since 24 February 2022, by nationality
public struct ChartBlock: Sendable {
    /// The kind of chart.
    public enum Kind: String, Sendable, CaseIterable {
        /// Horizontal bars, ranked: one value of a table's column per bar.
        case bar
        /// Horizontal bars, ranked, each split by a second column.
        case stacked
        /// A figure over the periods of the series, as a line.
        case line
        /// A figure over the periods of the series, one column per period.
        case column

        /// The options a chart of this kind takes, after `type`.
        var keys: [String] {
            switch self {
            case .bar: ["table", "rows", "top", "share", "unit", "title"]
            case .stacked: ["table", "rows", "split", "top", "share", "unit", "title"]
            case .line, .column: ["figure", "unit", "title"]
            }
        }

        /// The options it cannot do without.
        var required: [String] {
            switch self {
            case .bar: ["table", "rows"]
            case .stacked: ["table", "rows", "split"]
            case .line, .column: ["figure"]
            }
        }

        /// How a message names a chart of this kind.
        var name: String { self == .stacked ? "a stacked bar chart" : "a \(rawValue) chart" }
    }

    public var kind: Kind
    public var table: String?
    public var rows: String?
    public var split: String?
    public var figure: String?
    public var top: Int?
    public var share = false
    public var unit: String?
    public var title: String?

    /// Where each option's value is written, for messages about it.
    let locations: [String: SourceLocation]
    /// Where the block's YAML starts.
    let blockLocation: SourceLocation

    static let allKeys = ["type", "table", "rows", "split", "figure", "top", "share", "unit", "title"]

    /// Reads the block's YAML; `lineOffset` turns its lines into lines of the file.
    public init(yaml text: String, file: String, lineOffset: Int) throws(DiagnosticError) {
        let yaml = try YAMLNode.parse(text, file: file, lineOffset: lineOffset)
        blockLocation = SourceLocation(file: file, line: lineOffset)
        try yaml.checkKeys(Self.allKeys, in: "a sitrep-chart block")
        guard let typeNode = yaml["type"] else {
            throw DiagnosticError(Diagnostic(
                at: blockLocation, "a sitrep-chart block needs `type:`",
                hint: "one of: \(Kind.allCases.map(\.rawValue).joined(separator: ", ")), e.g.\ntype: bar\ntable: arrivals\nrows: nationality"))
        }
        let typeText = try typeNode.text("type")
        guard let kind = Kind(rawValue: typeText) else {
            throw DiagnosticError(Diagnostic(at: typeNode.location, "type cannot be '\(typeText)'",
                                             hint: "use one of: \(Kind.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        self.kind = kind
        var locations = ["type": typeNode.location]
        for entry in try yaml.mapping("a sitrep-chart block") where entry.key != "type" {
            guard kind.keys.contains(entry.key) else {
                throw DiagnosticError(Diagnostic(at: entry.keyLocation, "`\(entry.key)` is not an option of \(kind.name)",
                                                 hint: "\(kind.name) takes: \(kind.keys.joined(separator: ", "))"))
            }
            locations[entry.key] = entry.value.location
        }
        let missing = kind.required.filter { yaml[$0] == nil }
        guard missing.isEmpty else {
            throw DiagnosticError(Diagnostic(
                at: typeNode.location, "\(kind.name) needs \(missing.map { "`\($0):`" }.joined(separator: " and "))",
                hint: "e.g.\ntype: \(kind.rawValue)\n" + kind.required.map { "\($0): \(Self.example[$0] ?? "…")" }.joined(separator: "\n")))
        }
        self.locations = locations
        table = try yaml["table"]?.text("table")
        rows = try yaml["rows"]?.text("rows")
        split = try yaml["split"]?.text("split")
        figure = try yaml["figure"]?.text("figure")
        unit = try yaml["unit"]?.text("unit")
        title = try yaml["title"]?.text("title")
        top = try yaml["top"]?.topCount()
        share = try yaml["share"]?.flag("share") ?? false
    }

    private static let example = ["table": "avrr", "rows": "country", "split": "sex", "figure": "arrivals.total"]

    /// Where the option `key` is written, or the block's start when it is not.
    func location(of key: String) -> SourceLocation { locations[key] ?? blockLocation }
}
