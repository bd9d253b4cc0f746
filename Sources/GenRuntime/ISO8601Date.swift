import Foundation

/// Dates as ISO 8601 text, as Twilio's newer APIs send them: `2024-05-01T12:30:00Z`, with
/// fractional seconds and a `+hh:mm` offset accepted when reading.
public enum ISO8601Date {
    /// `date` in UTC, whole seconds unless it has a fraction, which is written to milliseconds.
    public static func string(from date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        let whole = Int(seconds.rounded(.down))
        let milliseconds = Int(((seconds - Double(whole)) * 1000).rounded())
        let (days, secondOfDay) = whole.floorDivided(by: 86_400)
        let (year, month, day) = CalendarDate.civil(fromDays: days)
        var text = CalendarDate(uncheckedYear: year, month: month, day: day).description
        text += "T" + two(secondOfDay / 3600) + ":" + two(secondOfDay / 60 % 60) + ":" + two(secondOfDay % 60)
        if milliseconds > 0, milliseconds < 1000 {
            text += "." + String(String(milliseconds + 1000).dropFirst())
        }
        return text + "Z"
    }

    /// The date of `text`, such as `2024-05-01T12:30:00Z` or `2024-05-01T14:30:00.25+02:00`;
    /// nil when it is not one.
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
        var fraction = 0.0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            let start = index
            while index < bytes.count, let digit = digit(bytes[index]) {
                fraction += Double(digit) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
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
        guard index == bytes.count else { return nil }
        let seconds = day.daysSince1970 * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
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
