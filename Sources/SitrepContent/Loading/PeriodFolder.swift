/// A period folder's name: `YYYY-MM` for a calendar month, `YYYY-MM-DD` for a period ending that day.
public struct PeriodFolder: Sendable, Hashable {
    public var name: String
    /// Path relative to the project root.
    public var path: String
    /// The first day implied by the name, when the name is a month.
    public var nominalStart: Day?
    /// The last day implied by the name.
    public var nominalEnd: Day

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
    }
}
