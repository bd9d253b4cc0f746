import Foundation

/// Dates as ISO 8601 text, as Twilio's newer APIs send them: `2024-05-01T12:30:00Z`, with
/// fractional seconds and a `+hh:mm` offset accepted when reading.
///
/// Dates are kept to the millisecond, the precision a `Date` holds exactly in every year the
/// format writes (further digits of a fraction are dropped, so that no text moves to another
/// second), and from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z: a text whose offset would
/// move it out of those years is not a date this type reads, as it could not write it. So that
/// the rule is one a pattern can state, a date on the first or the last of those days is read
/// in UTC only (`Z` or `±00:00`).
public enum ISO8601Date {
    /// The first and the last millisecond the format reads and writes, since 1970.
    static let milliseconds: ClosedRange<Int> =
        CalendarDate(uncheckedYear: 1, month: 1, day: 1).daysSince1970
        * 86_400_000...(CalendarDate(uncheckedYear: 9999, month: 12, day: 31).daysSince1970 + 1) * 86_400_000 - 1

    /// The first and the last day of the range, read in UTC only.
    static let edgeDays = [
        CalendarDate(uncheckedYear: 1, month: 1, day: 1), CalendarDate(uncheckedYear: 9999, month: 12, day: 31),
    ]

    /// `date` in UTC, whole seconds unless it has a fraction, which is written to the nearest
    /// millisecond.
    public static func string(from date: Date) -> String {
        let scaled = (date.timeIntervalSince1970 * 1000).rounded()
        // Clamped, so that no Date (infinite, NaN or huge) traps in the conversion to Int.
        let total = scaled.isNaN ? 0 : Int(max(-1e18, min(1e18, scaled)))
        let (whole, milliseconds) = total.floorDivided(by: 1000)
        let (days, secondOfDay) = whole.floorDivided(by: 86_400)
        let (year, month, day) = CalendarDate.civil(fromDays: days)
        var text = CalendarDate(uncheckedYear: year, month: month, day: day).description
        text += "T" + two(secondOfDay / 3600) + ":" + two(secondOfDay / 60 % 60) + ":" + two(secondOfDay % 60)
        if milliseconds > 0 {
            text += "." + String(String(milliseconds + 1000).dropFirst())
        }
        return text + "Z"
    }

    /// The date of `text`, such as `2024-05-01T12:30:00Z` or `2024-05-01T14:30:00.25+02:00`;
    /// nil when it is not one, or when it falls on 0001-01-01 or 9999-12-31 with an offset that is
    /// not zero.
    public static func date(from text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"),
            let day = CalendarDate(String(decoding: bytes[0..<10], as: UTF8.self)),
            let hour = number(bytes, 11, 2), bytes[13] == UInt8(ascii: ":"),
            let minute = number(bytes, 14, 2), bytes[16] == UInt8(ascii: ":"),
            // No leap second: RFC 3339 allows one at 23:59:60 UTC only, and `Date` has none.
            let second = number(bytes, 17, 2), hour < 24, minute < 60, second < 60
        else { return nil }
        var index = 19
        // The fraction to the millisecond; the digits after are read and dropped.
        var fraction = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.count, let digit = digit(bytes[index]) {
                if index - start < 3 { fraction = fraction * 10 + digit }
                index += 1
            }
            guard index > start else { return nil }
            for _ in min(index - start, 3)..<3 { fraction *= 10 }
        }
        guard index < bytes.count else { return nil }
        var offset = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard index + 6 == bytes.count, let hours = number(bytes, index + 1, 2),
                bytes[index + 3] == UInt8(ascii: ":"), let minutes = number(bytes, index + 4, 2), hours < 24,
                minutes < 60
            else { return nil }
            offset = (hours * 60 + minutes) * 60 * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
            index += 6
        default:
            return nil
        }
        guard index == bytes.count, offset == 0 || !Self.edgeDays.contains(day) else { return nil }
        let seconds = day.daysSince1970 * 86_400 + hour * 3600 + minute * 60 + second - offset
        let total = seconds * 1000 + fraction
        guard milliseconds.contains(total) else { return nil }
        return Date(timeIntervalSince1970: Double(total) / 1000)
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func digit(_ byte: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<(start + count)] {
            guard let digit = digit(byte) else { return nil }
            value = value * 10 + digit
        }
        return value
    }
}

extension KeyedDecodingContainer {
    /// Decodes an ISO 8601 date that may be absent or `null`.
    public func decodeISO8601DateIfPresent(forKey key: Key) throws -> Date? {
        try decodeDateIfPresent(forKey: key, as: "an ISO 8601 date and time", parse: ISO8601Date.date(from:))
    }

    /// Decodes an ISO 8601 date that must be present.
    public func decodeISO8601Date(forKey key: Key) throws -> Date {
        try decodeDate(forKey: key, as: "an ISO 8601 date and time", parse: ISO8601Date.date(from:))
    }
}

extension KeyedEncodingContainer {
    /// Encodes `date` as ISO 8601 text, or `null` when it is `nil`.
    public mutating func encodeISO8601Date(_ date: Date?, forKey key: Key) throws {
        try encodeDate(date, forKey: key, format: ISO8601Date.string(from:))
    }
}
