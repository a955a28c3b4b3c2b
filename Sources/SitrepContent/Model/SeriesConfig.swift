import SitrepDiagnostics

/// `content/<series>/series.yml`: one office's series of reports.
public struct SeriesConfig: Sendable {
    /// What the series says about one of its tables.
    public struct TableDeclaration: Sendable {
        /// The name of the value column; `count` when not declared.
        public var valueColumn: String = "count"
        /// A human title for the table, used as the default caption.
        public var title: String?
        /// Whether its rows are per period or cumulative, and since when.
        public var measure = Measure()
        /// The labels of its totals rows: the defaults, the series' and its own `totals:`.
        public var totals = TotalsWords.standard
        /// Title rows, HXL names, left-out and wide value columns.
        public var layout = TableLayout()
        /// The sheet that holds the table in a workbook, and where `sheet:` names it; the first
        /// sheet when not declared.
        public var sheet: DeclaredSheet?
    }

    /// A sheet `sheet:` names, and where (for the error when the table is not in a workbook).
    /// Kept by reference: a declaration is stored in every series' table of declarations, and a
    /// location inline would take 64 bytes of each (2 MB for 3,334 series of the example).
    public final class DeclaredSheet: Sendable {
        public let name: String
        public let location: SourceLocation

        init(name: String, location: SourceLocation) {
            self.name = name
            self.location = location
        }
    }

    /// The folder name, used in URLs and figure lookups (`belarus`).
    public var slug: String
    public var title: String
    public var office: String?
    /// The start of the crisis; cumulative figures count from here.
    public var onset: Day?
    public var locale: String
    public var tables: [String: TableDeclaration]
    /// How single figures from `figures.yml` are reported, by name. Undeclared ones have no
    /// cumulative or per-period view.
    public var figures: [String: Measure]
    /// Cumulative figures that go down on purpose.
    public var corrections: [Correction]
    /// Where series.yml is, for messages.
    public var file: String
    /// The labels of totals rows in the series' tables: the defaults and `totals:`.
    public var totals = TotalsWords.standard
    /// The figures `computed:` declares, in an order that computes each after those it names.
    public var computed = ComputedFigures()

    static let keys = ["title", "office", "onset", "locale", "tables", "figures", "corrections", "totals", "computed"]
    static let tableKeys = ["value", "title", "sheet", "totals"] + Measure.keys + TableLayout.keys

    /// The declaration for `table`, or the defaults.
    public func declaration(for table: String) -> TableDeclaration {
        if let declared = tables[table] { return declared }
        var defaults = TableDeclaration()
        defaults.totals = totals
        return defaults
    }

    /// Reads a parsed `series.yml` for the series in folder `slug`.
    public init(slug: String, file: String, yaml: YAMLNode, defaultLocale: String = "en") throws(DiagnosticError) {
        try yaml.checkKeys(Self.keys, in: "series.yml")
        self.slug = slug
        self.file = file
        guard let titleNode = yaml["title"] else {
            throw DiagnosticError(Diagnostic(
                at: SourceLocation(file: file, line: 1, column: 1), "series.yml has no title",
                hint: "add a line such as `title: Belarus — response to the war in Ukraine`"))
        }
        title = try titleNode.text("the series title")
        office = try yaml["office"]?.text("office")
        onset = try yaml["onset"].map { node throws(DiagnosticError) in try node.day("onset") }
        locale = try yaml["locale"]?.text("locale") ?? defaultLocale
        let totalsWords = try Self.totalsWords(yaml["totals"])
        if !totalsWords.isEmpty { totals = TotalsWords(adding: totalsWords) }
        tables = [:]
        for entry in try (yaml["tables"]?.mapping("tables") ?? []) {
            try entry.value.checkKeys(Self.tableKeys, in: "the declaration of table '\(entry.key)'")
            var declaration = TableDeclaration()
            if let node = entry.value["value"] { declaration.valueColumn = try node.text("value") }
            if let node = entry.value["title"] { declaration.title = try node.text("title") }
            if let node = entry.value["sheet"] { declaration.sheet = DeclaredSheet(name: try node.text("sheet"), location: node.location) }
            declaration.measure = try Measure(yaml: entry.value)
            declaration.totals = try entry.value["totals"].map { node throws(DiagnosticError) in
                TotalsWords(adding: try totalsWords + Self.totalsWords(node))
            } ?? totals
            declaration.layout = try TableLayout(yaml: entry.value)
            tables[entry.key] = declaration
        }
        figures = [:]
        for entry in try (yaml["figures"]?.mapping("figures") ?? []) {
            try entry.value.checkKeys(Measure.keys, in: "the declaration of figure '\(entry.key)'")
            figures[entry.key] = try Measure(yaml: entry.value)
        }
        computed = try ComputedFigures(yaml: yaml["computed"], file: file)
        corrections = []
        if let node = yaml["corrections"] {
            guard case .sequence(let items) = node.kind else {
                throw DiagnosticError(Diagnostic(at: node.location, "corrections must be a list",
                                                 hint: "- {period: 2022-06, figure: arrivals.total, reason: \"revised by the source\"}"))
            }
            for item in items {
                try item.checkKeys(["period", "figure", "reason"], in: "a correction")
                guard let period = item["period"], let figure = item["figure"], let reason = item["reason"] else {
                    throw DiagnosticError(Diagnostic(at: item.location, "a correction needs period, figure and reason",
                                                     hint: "- {period: 2022-06, figure: arrivals.total, reason: \"revised by the source\"}"))
                }
                corrections.append(Correction(period: try period.text("period"), figure: try figure.text("figure"),
                                              reason: try reason.text("reason"), location: item.location))
            }
        }
    }
}
