import Foundation

/// Reads and writes the RFC 2822 dates Twilio sends, such as `Mon, 20 Jul 2015 17:27:10 +0000`.
///
/// Hand-written rather than a `DateFormatter`: it is `Sendable`, independent of the machine's
/// locale and time zone, and fast. Formatting always writes GMT as `+0000`, as Twilio does, so a
/// date that Twilio sent encodes back to the same text.
public enum RFC2822Date {
    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Formats `date` as `EEE, dd MMM yyyy HH:mm:ss +0000`, dropping fractions of a second.
    public static func string(from date: Date) -> String {
        var bytes: [UInt8] = []
        write(date, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `date` as ``string(from:)`` formats it to `bytes`.
    public static func write(_ date: Date, to bytes: inout [UInt8]) {
        bytes.append(addingCapacity: maximumLength) { write(date, to: &$0) }
    }

    /// The most bytes a date takes: 31 with a four-digit year, a few more with the up to 9
    /// digits and sign of the farthest years.
    static let maximumLength = 40

    /// Writes `date` into `text`, which has room for ``maximumLength`` bytes: a JSON writer
    /// writes many dates an answer, each at once rather than a byte at a time.
    static func write(_ date: Date, to text: inout OutputSpan<UInt8>) {
        // Clamped to about ±31 million years, so that no Date (infinite, NaN or huge) traps
        // in the conversion to Int; every date Twilio sends is far inside.
        let interval = date.timeIntervalSince1970.rounded(.down)
        let seconds = interval.isNaN ? 0 : Int(max(-1e15, min(1e15, interval)))
        let (days, secondOfDay) = seconds.floorDivided(by: 86_400)
        let (year, month, day) = CalendarDate.civil(fromDays: days)
        // 1970-01-01 was a Thursday (index 3 when Monday is 0).
        append(word: (days + 3).floorDivided(by: 7).remainder, of: weekdayLetters, to: &text)
        text.append(UInt8(ascii: ","))
        text.append(UInt8(ascii: " "))
        appendTwoDigits(day, to: &text)
        text.append(UInt8(ascii: " "))
        append(word: month - 1, of: monthLetters, to: &text)
        text.append(UInt8(ascii: " "))
        if (1000...9999).contains(year) {
            appendTwoDigits(year / 100, to: &text)
            appendTwoDigits(year % 100, to: &text)
        } else {
            for byte in String(year).utf8 { text.append(byte) }
        }
        text.append(UInt8(ascii: " "))
        appendTwoDigits(secondOfDay / 3600, to: &text)
        text.append(UInt8(ascii: ":"))
        appendTwoDigits(secondOfDay / 60 % 60, to: &text)
        text.append(UInt8(ascii: ":"))
        appendTwoDigits(secondOfDay % 60, to: &text)
        for byte in " +0000".utf8 { text.append(byte) }
    }

    /// `weekdays` and `months` as one run of three-letter words each, to write from without a
    /// `String`.
    private static let weekdayLetters: StaticString = "MonTueWedThuFriSatSun"
    private static let monthLetters: StaticString = "JanFebMarAprMayJunJulAugSepOctNovDec"

    /// Appends the three-letter word at `index` in `letters`.
    private static func append(word index: Int, of letters: StaticString, to text: inout OutputSpan<UInt8>) {
        letters.withUTF8Buffer { utf8 in
            for byte in utf8[(index * 3)..<(index * 3 + 3)] { text.append(byte) }
        }
    }

    /// Parses an RFC 2822 date; `nil` when `text` is not one, or when its zone moves it out of
    /// the years 1000 to 9999.
    ///
    /// Accepts an optional weekday, one- or two-digit days, optional seconds, and a zone written
    /// as `+hhmm`, `-hhmm`, `GMT`, `UT` or `Z`.
    public static func date(from text: String) -> Date? {
        var scanner = Scanner(text)
        if scanner.peekLetter() {
            guard let weekday = scanner.word(), weekdays.contains(weekday), scanner.skip(",") else { return nil }
        }
        guard let day = scanner.number(maxDigits: 2), (1...31).contains(day),
            let monthName = scanner.word(), let monthIndex = months.firstIndex(of: monthName),
            let year = scanner.number(maxDigits: 4), year >= 1000,
            let hour = scanner.number(maxDigits: 2), hour < 24, scanner.skip(":"),
            let minute = scanner.number(maxDigits: 2), minute < 60
        else { return nil }
        var second = 0
        if scanner.skip(":") {
            guard let value = scanner.number(maxDigits: 2), value <= 60 else { return nil }
            second = value
        }
        guard let offset = scanner.zoneOffsetSeconds(), scanner.isAtEnd else { return nil }
        // A day the month has: `31 Feb` is no date, not the 3rd of March.
        guard let days = CalendarDate(year: year, month: monthIndex + 1, day: day)?.daysSince1970 else { return nil }
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        guard Self.seconds.contains(seconds) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// The first and the last second the format reads and writes with a four-digit year, since
    /// 1970: a text whose zone moves it out of the years 1000 to 9999 is not read, as it could
    /// not be written back.
    static let seconds: ClosedRange<Int> =
        CalendarDate(uncheckedYear: 1000, month: 1, day: 1).daysSince1970
        * 86_400...(CalendarDate(uncheckedYear: 9999, month: 12, day: 31).daysSince1970 + 1) * 86_400 - 1

    /// Appends a value from 0 to 99 as two digits.
    private static func appendTwoDigits(_ value: Int, to text: inout OutputSpan<UInt8>) {
        text.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value / 10))
        text.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value % 10))
    }

    /// A cursor over the UTF-8 bytes of a date, skipping spaces between tokens.
    private struct Scanner {
        private let bytes: [UInt8]
        private var index = 0

        init(_ text: String) { bytes = Array(text.utf8) }

        var isAtEnd: Bool {
            mutating get {
                skipSpaces()
                return index == bytes.count
            }
        }

        mutating func skipSpaces() {
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        }

        mutating func peekLetter() -> Bool {
            skipSpaces()
            return index < bytes.count && Self.isLetter(bytes[index])
        }

        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            skipSpaces()
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        mutating func word() -> String? {
            skipSpaces()
            let start = index
            while index < bytes.count, Self.isLetter(bytes[index]) { index += 1 }
            return start == index ? nil : String(decoding: bytes[start..<index], as: UTF8.self)
        }

        mutating func number(maxDigits: Int) -> Int? {
            skipSpaces()
            var value = 0
            var count = 0
            while index < bytes.count, count < maxDigits, (0x30...0x39).contains(bytes[index]) {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
                count += 1
            }
            return count == 0 ? nil : value
        }

        mutating func zoneOffsetSeconds() -> Int? {
            skipSpaces()
            guard index < bytes.count else { return nil }
            let sign = bytes[index]
            if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                index += 1
                let start = index
                guard let hhmm = number(maxDigits: 4), index - start == 4, hhmm % 100 < 60 else { return nil }
                let seconds = (hhmm / 100) * 3600 + (hhmm % 100) * 60
                return sign == UInt8(ascii: "+") ? seconds : -seconds
            }
            switch word() {
            case "GMT", "UT", "UTC", "Z": return 0
            default: return nil
            }
        }

        private static func isLetter(_ byte: UInt8) -> Bool {
            (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }
    }
}

extension Int {
    /// Division that rounds toward negative infinity, so dates before 1970 work too.
    func floorDivided(by divisor: Int) -> (quotient: Int, remainder: Int) {
        let quotient = (self >= 0 ? self : self - divisor + 1) / divisor
        return (quotient, self - quotient * divisor)
    }
}

extension KeyedDecodingContainer {
    /// Decodes an RFC 2822 date that may be absent or `null`.
    public func decodeRFC2822DateIfPresent(forKey key: Key) throws -> Date? {
        try decodeDateIfPresent(forKey: key, as: "an RFC 2822 date", parse: RFC2822Date.date(from:))
    }

    /// Decodes an RFC 2822 date that must be present.
    public func decodeRFC2822Date(forKey key: Key) throws -> Date {
        try decodeDate(forKey: key, as: "an RFC 2822 date", parse: RFC2822Date.date(from:))
    }

    /// A date written as text that `parse` reads; `what` names the format in errors.
    func decodeDateIfPresent(forKey key: Key, as what: String, parse: (String) -> Date?) throws -> Date? {
        guard let text = try decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let date = parse(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "'\(text)' is not \(what)")
        }
        return date
    }

    func decodeDate(forKey key: Key, as what: String, parse: (String) -> Date?) throws -> Date {
        guard let date = try decodeDateIfPresent(forKey: key, as: what, parse: parse) else {
            throw DecodingError.valueNotFound(
                Date.self,
                DecodingError.Context(codingPath: codingPath + [key], debugDescription: "Expected \(what)")
            )
        }
        return date
    }
}

extension KeyedEncodingContainer {
    /// Encodes `date` as RFC 2822 text, or `null` when it is `nil`.
    public mutating func encodeRFC2822Date(_ date: Date?, forKey key: Key) throws {
        try encodeDate(date, forKey: key, format: RFC2822Date.string(from:))
    }

    /// Encodes `date` as the text `format` writes, or `null` when it is `nil`.
    mutating func encodeDate(_ date: Date?, forKey key: Key, format: (Date) -> String) throws {
        if let date {
            try encode(format(date), forKey: key)
        } else {
            try encodeNil(forKey: key)
        }
    }
}
