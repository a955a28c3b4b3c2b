import SitrepDiagnostics

/// How an additive figure is reported over time, as declared in `series.yml`.
public struct Measure: Sendable, Hashable {
    /// Whether a period's file holds what happened in the period or the running total.
    public enum Reporting: String, Sendable, Hashable {
        /// What happened in the period.
        case period
        /// The total as of the period's end, counted from `since`.
        case cumulative
    }

    /// Where a cumulative count starts.
    public enum Since: Sendable, Hashable, CustomStringConvertible {
        /// The series' onset date.
        case onset
        /// A fixed date.
        case date(Day)
        /// Every 1 January (year to date).
        case year

        public var description: String {
            switch self {
            case .onset: return "the onset"
            case .date(let day): return day.description
            case .year: return "1 January"
            }
        }
    }

    public var reported: Reporting
    public var since: Since

    public init(reported: Reporting = .period, since: Since = .onset) {
        self.reported = reported
        self.since = since
    }

    static let keys = ["reported", "since"]

    /// Reads `reported:` and `since:` from a declaration.
    init(yaml: YAMLNode) throws(DiagnosticError) {
        self.init()
        if let node = yaml["reported"] {
            let text = try node.text("reported")
            guard let value = Reporting(rawValue: text) else {
                throw DiagnosticError(Diagnostic(at: node.location, "reported must be 'period' or 'cumulative', not '\(text)'",
                                                 hint: "period: the file holds what happened in the period; cumulative: the total so far"))
            }
            reported = value
        }
        if let node = yaml["since"] {
            let text = try node.text("since")
            switch text {
            case "onset": since = .onset
            case "year": since = .year
            default:
                guard let day = Day(iso: text) else {
                    throw DiagnosticError(Diagnostic(at: node.location, "since must be 'onset', 'year' or a date, not '\(text)'",
                                                     hint: "e.g. `since: year` for a year-to-date count, `since: 2022-01-01` for a fixed start"))
                }
                since = .date(day)
            }
        }
    }
}

/// A recorded correction: a cumulative figure that goes down in a period on purpose.
public struct Correction: Sendable {
    /// The period folder where the figure goes down.
    public var period: String
    public var figure: String
    /// Why, in words for donors; shown in the report's notes.
    public var reason: String
    public var location: SourceLocation
}
