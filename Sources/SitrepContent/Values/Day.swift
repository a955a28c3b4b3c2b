/// A calendar date with no time of day and no time zone: reporting periods are days, and a
/// build must give the same pages wherever and whenever it runs.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a day when the parts form a real date in the proleptic Gregorian calendar.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Day.length(ofMonth: month, in: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        // Read on bytes: builds read thousands of dates (front matter, the manifest's indexes).
        var (y, m, d) = (0, 0, 0)
        var position = 0
        for byte in text.utf8 {
            switch position {
            case 4, 7:
                guard byte == UInt8(ascii: "-") else { return nil }
            case 0..<10:
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                let digit = Int(byte - UInt8(ascii: "0"))
                if position < 4 { y = y * 10 + digit } else if position < 7 { m = m * 10 + digit } else { d = d * 10 + digit }
            default:
                return nil
            }
            position += 1
        }
        guard position == 10 else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        // Ten bytes, written in place (a year is 1 to 9999): the padded parts interpolated cost
        // about 870 instructions a date, and a build writes dates by the thousand.
        String(unsafeUninitializedCapacity: 10) { bytes in
            func digit(_ value: Int) -> UInt8 { UInt8(ascii: "0") + UInt8(value % 10) }
            bytes[0] = digit(year / 1000)
            bytes[1] = digit(year / 100)
            bytes[2] = digit(year / 10)
            bytes[3] = digit(year)
            bytes[4] = UInt8(ascii: "-")
            bytes[5] = digit(month / 10)
            bytes[6] = digit(month)
            bytes[7] = UInt8(ascii: "-")
            bytes[8] = digit(day / 10)
            bytes[9] = digit(day)
            return 10
        }
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Days since 0001-01-01, for arithmetic between dates.
    public var ordinal: Int {
        let y = year - 1
        var days = y * 365 + y / 4 - y / 100 + y / 400
        for m in 1..<month { days += Day.length(ofMonth: m, in: year) }
        return days + day - 1
    }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> Day {
        var remaining = ordinal + count
        var y = 1
        // Jump by 400-year cycles (146,097 days) then walk years and months.
        y += (remaining / 146_097) * 400
        remaining %= 146_097
        while remaining >= Day.length(ofYear: y) {
            remaining -= Day.length(ofYear: y)
            y += 1
        }
        var m = 1
        while remaining >= Day.length(ofMonth: m, in: y) {
            remaining -= Day.length(ofMonth: m, in: y)
            m += 1
        }
        return Day(year: y, month: m, day: remaining + 1)!
    }

    /// The last day of this day's month.
    public var endOfMonth: Day { Day(year: year, month: month, day: Day.length(ofMonth: month, in: year))! }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }
    static func length(ofYear year: Int) -> Int { isLeap(year) ? 366 : 365 }
    static func length(ofMonth month: Int, in year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension Day {
    /// Encoded as `YYYY-MM-DD`.
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
