/// A period folder: its name (`YYYY-MM` for a calendar month, `YYYY-MM-DD` for a period ending
/// that day) and the dates it covers once the front matter and its neighbours are read.
public struct PeriodFolder: Sendable, Hashable {
    public var name: String
    /// Path relative to the project root.
    public var path: String
    /// The first day implied by the name, when the name is a month.
    public var nominalStart: Day?
    /// The last day implied by the name.
    public var nominalEnd: Day
    /// The dates the report covers: the front matter's, or those implied by the name and by the
    /// period before.
    public var period: Period

    /// Parses a folder name; nil when it is neither form.
    public init?(name: String, path: String) {
        self.name = name
        self.path = path
        if name.count == 7, let first = Day(iso: name + "-01") {
            nominalStart = first
            nominalEnd = first.endOfMonth
        } else if name.count == 10, let day = Day(iso: name) {
            nominalStart = nil
            nominalEnd = day
        } else {
            return nil
        }
        period = Period(start: nominalStart ?? nominalEnd, end: nominalEnd)
    }
}
