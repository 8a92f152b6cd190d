import Testing
@testable import RiskIngest

@Suite("TimeParser")
struct TimeParserTests {
    // 2026-01-31T12:00:00Z
    let noonJan31: Int64 = 1_769_860_800_000

    @Test("epoch milliseconds and seconds")
    func epochForms() {
        #expect(parseTime("1769860800000") == noonJan31)
        #expect(parseTime("1769860800") == noonJan31)
        #expect(parseTime("1769860800.25") == noonJan31 + 250)
        #expect(parseTime("1769860800.5") == noonJan31 + 500)
        #expect(parseTime("1769860800.123456") == noonJan31 + 123)
        #expect(parseTime("0") == 0)
        // 10^11 is the first millisecond value; just below it is seconds.
        #expect(parseTime("100000000000") == 100_000_000_000)
        #expect(parseTime("99999999999") == 99_999_999_999_000)
    }

    @Test("ISO 8601 with zones and fractions")
    func iso8601() {
        #expect(parseTime("2026-01-31T12:00:00Z") == noonJan31)
        #expect(parseTime("2026-01-31t12:00:00z") == noonJan31)
        #expect(parseTime("2026-01-31T12:00:00") == noonJan31)
        #expect(parseTime("2026-01-31T12:00:00.250Z") == noonJan31 + 250)
        #expect(parseTime("2026-01-31T12:00:00.25Z") == noonJan31 + 250)
        #expect(parseTime("2026-01-31T12:00:00.123456789Z") == noonJan31 + 123)
        #expect(parseTime("2026-01-31T12:00:00.250+01:00") == noonJan31 - 3_600_000 + 250)
        #expect(parseTime("2026-01-31T12:00:00+0100") == noonJan31 - 3_600_000)
        #expect(parseTime("2026-01-31T12:00:00+01") == noonJan31 - 3_600_000)
        #expect(parseTime("2026-01-31T12:00:00-0530") == noonJan31 + 19_800_000)
        #expect(parseTime("2026-01-31T12:00:00-05:30") == noonJan31 + 19_800_000)
        #expect(parseTime("2026-01-31T00:30:00+01:00") == noonJan31 - 12 * 3_600_000 - 1_800_000)
    }

    @Test("space-separated UTC form")
    func spaceForm() {
        #expect(parseTime("2026-01-31 12:00:00") == noonJan31)
        #expect(parseTime("2026-01-31 12:00:00.5") == noonJan31 + 500)
        #expect(parseTime("2018-04-01 00:00:31") == 1_522_540_831_000)
        #expect(parseTime("1970-01-01 00:00:00") == 0)
        #expect(parseTime("1969-12-31 23:59:59") == -1000)
    }

    @Test("leap years")
    func leapYears() {
        #expect(parseTime("2024-02-29T00:00:00Z") == 1_709_164_800_000)
        #expect(parseTime("2000-02-29T00:00:00Z") == 951_782_400_000)
        #expect(parseTime("2024-03-01T00:00:00Z") == 1_709_251_200_000)
        #expect(parseTime("2023-02-29T00:00:00Z") == nil)
        #expect(parseTime("1900-02-29T00:00:00Z") == nil)
        #expect(parseTime("2100-02-29T00:00:00Z") == nil)
    }

    @Test("days from civil agrees with a day-by-day walk")
    func daysFromCivilWalk() {
        var expected: Int64 = 0
        for year in Int64(1970)...2104 {
            for month in Int64(1)...12 {
                #expect(TimeParser.daysFromCivil(year: year, month: month, day: 1) == expected)
                expected += TimeParser.daysInMonth(year: year, month: month)
            }
        }
        #expect(TimeParser.daysFromCivil(year: 1969, month: 12, day: 31) == -1)
    }

    @Test("impossible dates and malformed text are rejected",
          arguments: ["2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-02-30T00:00:00Z",
                      "2026-04-31T00:00:00Z", "2026-01-00T00:00:00Z", "2026-01-31T25:00:00Z",
                      "2026-01-31T24:00:00Z", "2026-01-31T12:60:00Z", "2026-01-31T12:00:60Z",
                      "2026-01-31T12:00:00+24:00", "2026-01-31T12:00:00+01:60", "2026-01-31T12:00:00+1",
                      "2026-01-31T12:00:00.Z", "2026-01-31T12:00:00Q", "2026-01-31X12:00:00Z",
                      "2026-1-31T12:00:00Z", "2026-01-31", "2026-13-01", "", "-5", "12a",
                      "1769860800000.5", "1769860800.", "1e9", "1234567890123456789012",
                      "2026-01-31T12:00:00Z "])
    func rejects(_ text: String) {
        #expect(parseTime(text) == nil)
    }
}
