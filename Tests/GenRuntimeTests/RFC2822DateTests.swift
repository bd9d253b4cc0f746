import Foundation
import GenRuntime
import Testing

@Suite struct RFC2822DateTests {
    @Test(arguments: [
        "Mon, 20 Jul 2015 17:27:10 +0000",
        "Thu, 01 Jan 1970 00:00:00 +0000",
        "Tue, 29 Feb 2000 23:59:59 +0000",
        "Wed, 31 Dec 1969 23:59:59 +0000",
        "Thu, 26 Nov 2026 18:05:48 +0000",
    ])
    func formattingAParsedDateGivesTheSameText(_ text: String) throws {
        let date = try #require(RFC2822Date.date(from: text))
        #expect(RFC2822Date.string(from: date) == text)
    }

    @Test func parsesToTheRightInstant() {
        #expect(RFC2822Date.date(from: "Mon, 20 Jul 2015 17:27:10 +0000") == Date(timeIntervalSince1970: 1_437_413_230))
        #expect(RFC2822Date.date(from: "Mon, 20 Jul 2015 12:27:10 -0500") == Date(timeIntervalSince1970: 1_437_413_230))
        #expect(RFC2822Date.date(from: "20 Jul 2015 17:27:10 GMT") == Date(timeIntervalSince1970: 1_437_413_230))
        #expect(RFC2822Date.date(from: "Mon, 20 Jul 2015 17:27 +0000") == Date(timeIntervalSince1970: 1_437_413_220))
        #expect(RFC2822Date.date(from: "Thu, 1 Jan 1970 00:00:00 +0000") == Date(timeIntervalSince1970: 0))
    }

    /// A zone that moves a date out of the years 1000 to 9999 makes it no date, and so does a
    /// day its month does not have; the edges read and write back as they were.
    @Test func datesStayInTheYearsTheFormatWrites() {
        for text in [
            "Fri, 31 Dec 9999 23:59:59 -2359", "Wed, 01 Jan 1000 00:00:00 +0001", "Fri, 31 Dec 9999 23:59:60 +0000",
            "31 Feb 2024 00:00:00 +0000", "29 Feb 2023 00:00:00 +0000",
        ] {
            #expect(RFC2822Date.date(from: text) == nil, "\(text)")
        }
        for text in ["Fri, 31 Dec 9999 23:59:59 +0000", "Wed, 01 Jan 1000 00:00:00 +0000"] {
            #expect(RFC2822Date.date(from: text).map(RFC2822Date.string(from:)) == text)
        }
    }

    @Test func formatsInGMTDroppingFractions() {
        #expect(
            RFC2822Date.string(from: Date(timeIntervalSince1970: 1_437_413_230.75)) == "Mon, 20 Jul 2015 17:27:10 +0000"
        )
    }

    @Test(arguments: [
        "", "2015-07-20T17:27:10Z", "Mon, 20 Jull 2015 17:27:10 +0000", "Mon, 32 Jul 2015 17:27:10 +0000",
        "Mon, 20 Jul 2015 24:00:00 +0000", "Mon, 20 Jul 2015 17:27:10 +000", "Mon, 20 Jul 2015 17:27:10 +0000 extra",
        "Mon 20 Jul 2015 17:27:10 +0000", "Mon, 20 Jul 2015 17:27:10 PST",
    ])
    func rejectsWhatIsNotAnRFC2822Date(_ text: String) {
        #expect(RFC2822Date.date(from: text) == nil)
    }
}
