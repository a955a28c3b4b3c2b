import SitrepDiagnostics

/// A reporting period: the days a report covers, inclusive.
public struct Period: Sendable, Hashable {
    public var start: Day
    public var end: Day
    /// The date the figures are valid for, when it differs from `end`.
    public var asOf: Day?

    public init(start: Day, end: Day, asOf: Day? = nil) {
        self.start = start
        self.end = end
        self.asOf = asOf
    }
}

/// A figure the front matter asks the layout to show prominently.
public struct KeyFigure: Sendable {
    public var figure: String
    /// Text, in which placeholders (`{{ arrivals.total }}`) are filled like the narrative's.
    public var label: String
    /// Where the figure's name is written.
    public var location: SourceLocation
    /// Where the label's text starts (for a placeholder in it).
    public var labelLocation: SourceLocation

    public init(figure: String, label: String, location: SourceLocation, labelLocation: SourceLocation? = nil) {
        self.figure = figure
        self.label = label
        self.location = location
        self.labelLocation = labelLocation ?? location
    }
}

/// A free-text note of the front matter, in which placeholders are filled like the narrative's.
public struct ReportNote: Sendable {
    public var text: String
    /// Where the text starts.
    public var location: SourceLocation

    public init(_ text: String, at location: SourceLocation) {
        self.text = text
        self.location = location
    }
}

/// A single figure stated in `figures.yml` or in the front matter's `figures:`.
public struct StatedFigure: Sendable {
    /// How far a stated number may be from the computed one.
    public enum Tolerance: Sendable, Hashable {
        /// Plus or minus this much.
        case absolute(Rational)
        /// Plus or minus this fraction of the computed value (`2%` is 2/100).
        case relative(Rational)
    }

    public var name: String
    public var value: FigureValue
    public var location: SourceLocation
    /// Decimal places written (`74.7` has 1, `74.7%` has 3 as a fraction), for comparing with
    /// a computed value at the printed precision.
    public var decimals: Int = 0
    /// True when the number was written in per cent (`74.7%`), so that messages write it so too.
    public var percent = false
    /// Set when the figure is stated as approximate.
    public var tolerance: Tolerance?
}

/// One period folder, fully loaded: front matter, narrative, tables and stated figures.
public struct Report: Sendable {
    /// The folder name (`2022-06`), which is also the URL segment.
    public var folder: String
    public var title: String
    public var period: Period
    public var keyFigures: [KeyFigure]
    /// Figures stated in the front matter's `figures:` map; they are checked like `figures.yml`.
    public var frontMatterFigures: [StatedFigure] = []
    /// Free-text notes for the report's notes section.
    public var notes: [ReportNote]
    /// The Markdown after the front matter.
    public var narrative: String
    /// Display path of `report.md`.
    public var narrativeFile: String
    /// Lines taken by the front matter, to turn narrative lines into file lines.
    public var narrativeLineOffset: Int
    public var tables: [Table]
    public var statedFigures: [StatedFigure]

    public init(folder: String, title: String, period: Period, keyFigures: [KeyFigure] = [],
                frontMatterFigures: [StatedFigure] = [], notes: [ReportNote] = [], narrative: String = "",
                narrativeFile: String, narrativeLineOffset: Int = 0, tables: [Table] = [], statedFigures: [StatedFigure] = []) {
        self.folder = folder
        self.title = title
        self.period = period
        self.keyFigures = keyFigures
        self.frontMatterFigures = frontMatterFigures
        self.notes = notes
        self.narrative = narrative
        self.narrativeFile = narrativeFile
        self.narrativeLineOffset = narrativeLineOffset
        self.tables = tables
        self.statedFigures = statedFigures
    }
}
