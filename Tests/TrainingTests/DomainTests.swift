import Foundation
import ODOPMessages
import Testing

@testable import Training

/// The domain rules on their own: Verhoeff, Aadhaar and mobile shapes, IST dates and ages,
/// eligibility, attendance and stipend arithmetic, masking, scheme parameters, the CSV reader.
@Suite("Training domain")
struct DomainTests {
    @Test("Verhoeff: UIDAI's check digit; every single-digit error and adjacent transposition is caught")
    func verhoeff() {
        // The classic example: 236 → check digit 3.
        #expect(Verhoeff.checkDigit(for: [2, 3, 6]) == 3)
        #expect(Verhoeff.isValid([2, 3, 6, 3]))
        #expect(!Verhoeff.isValid([2, 3, 6, 4]))
        let number = [2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4]
        let valid = number + [Verhoeff.checkDigit(for: number)]
        #expect(Verhoeff.isValid(valid))
        for position in valid.indices {
            for digit in 0...9 where digit != valid[position] {
                var wrong = valid
                wrong[position] = digit
                #expect(!Verhoeff.isValid(wrong))
            }
        }
        for position in valid.indices.dropLast() where valid[position] != valid[position + 1] {
            var swapped = valid
            swapped.swapAt(position, position + 1)
            #expect(!Verhoeff.isValid(swapped))
        }
    }

    @Test("Aadhaar numbers: 12 digits with spaces or hyphens, not starting 0 or 1, a valid check digit; errors never repeat it")
    func aadhaar() throws {
        let number = Artisans.aadhaar(7)
        for spelling in [
            number, "\(number.prefix(4)) \(number.dropFirst(4).prefix(4)) \(number.suffix(4))",
            "\(number.prefix(4))-\(number.dropFirst(4).prefix(4))-\(number.suffix(4))",
        ] {
            #expect(try AadhaarNumber(parsing: spelling).lastFour == String(number.suffix(4)))
        }
        let starting1 = [1] + Array(repeating: 5, count: 10)
        let bad = [
            "12345", String(number.dropLast()) + String((Int(String(number.last!))! + 1) % 10), "abcdabcdabcd",
            starting1.map(String.init).joined() + String(Verhoeff.checkDigit(for: starting1)),
        ]
        for text in bad {
            #expect(throws: CommandError.self) { try AadhaarNumber(parsing: text) }
            do {
                _ = try AadhaarNumber(parsing: text)
            } catch {
                #expect(error.field == "aadhaar" && !error.message.contains(text))
            }
        }
        #expect(AadhaarNumber.masked(lastFour: "1234") == "XXXX-XXXX-1234")
    }

    @Test("the identity key: the same number gives the same token, another key another; families compare without case or punctuation")
    func identityKey() throws {
        let key = IdentityKey(bytes: Array(repeating: 1, count: 32))
        let other = IdentityKey(bytes: Array(repeating: 2, count: 32))
        let number = try AadhaarNumber(parsing: Artisans.aadhaar(1))
        #expect(key.token(for: number) == key.token(for: try AadhaarNumber(parsing: Artisans.aadhaar(1))))
        #expect(key.token(for: number) != other.token(for: number))
        #expect(key.token(for: number).count == 64 && !key.token(for: number).contains(number.digits))
        #expect(key.token(forFamily: "RC-UP-777") == key.token(forFamily: "rc up 777"))
        #expect(key.token(forFamily: "RC-UP-777") != key.token(forFamily: "RC-UP-778"))
    }

    @Test("mobiles, names, genders, bank details")
    func personalFields() throws {
        for text in ["9876543210", "+91 98765 43210", "919876543210", "09876543210", "98765-43210"] {
            #expect(try PersonalFields.mobile(text) == "9876543210")
        }
        for text in ["5876543210", "987654321", "98765432101", "98765abcde"] {
            #expect(throws: CommandError.self) { try PersonalFields.mobile(text) }
        }
        #expect(try PersonalFields.name("  Ramesh   Kumar ") == "Ramesh Kumar")
        #expect(try PersonalFields.name("सुनीता देवी") == "सुनीता देवी")
        #expect(throws: CommandError.self) { try PersonalFields.name("R2D2") }
        #expect(try PersonalFields.gender("Female") == "female")
        #expect(
            try PersonalFields.bank(BankDetails(accountNumber: "1234 5678 9012", ifsc: "sbin0001234"))
                == BankDetails(accountNumber: "123456789012", ifsc: "SBIN0001234"))
        #expect(throws: CommandError.self) { try PersonalFields.bank(BankDetails(accountNumber: "123456789012", ifsc: "SBIN1001234")) }
    }

    @Test("masks: initials, last four, the year of birth, the bank's code")
    func masks() {
        #expect(PersonalDataMask.name("Ramesh Kumar") == "R***** K****")
        #expect(PersonalDataMask.name("A B") == "A* B*")
        #expect(PersonalDataMask.lastFour("9876543210") == "XXXXXX3210")
        #expect(PersonalDataMask.dateOfBirth("1988-07-14") == "1988-XX-XX")
        #expect(PersonalDataMask.ifsc("SBIN0001234") == "SBIN0XXXXXX")
    }

    @Test("IST dates: the day changes at 18:30 UTC; day numbers, months and years, ages and 29 February")
    func istDates() throws {
        let before = Date(timeIntervalSince1970: 1_772_389_799)  // 2026-03-01T18:29:59Z = 23:59:59 IST
        #expect(CalendarDay(before).description == "2026-03-01")
        #expect(CalendarDay(before.addingTimeInterval(1)).description == "2026-03-02")
        let day = try CalendarDay(parsing: "2026-03-02", field: "date")
        #expect(CalendarDay(dayNumber: day.dayNumber) == day)
        #expect(CalendarDay(dayNumber: 0).description == "1970-01-01")
        #expect(day.adding(days: -1).description == "2026-03-01" && day.adding(days: 365).description == "2027-03-02")
        #expect(try CalendarDay(parsing: "2024-02-29", field: "d").adding(years: 1).description == "2025-02-28")
        #expect(try CalendarDay(parsing: "2026-03-31", field: "d").adding(months: -1).description == "2026-02-28")
        #expect(
            try CalendarDay(parsing: "2026-03-01", field: "d").daysInclusive(to: try CalendarDay(parsing: "2026-03-10", field: "d")) == 10)
        let birth = try CalendarDay(parsing: "2008-03-02", field: "d")
        #expect(birth.age(on: day) == 18 && birth.age(on: day.adding(days: -1)) == 17)
        let leap = try CalendarDay(parsing: "2008-02-29", field: "d")
        #expect(leap.age(on: try CalendarDay(parsing: "2026-02-28", field: "d")) == 17)
        #expect(leap.age(on: try CalendarDay(parsing: "2026-03-01", field: "d")) == 18)
        for text in ["2026-02-30", "2026-3-1", "26-03-01", "2026-13-01", "yesterday"] {
            #expect(throws: CommandError.self) { try CalendarDay(parsing: text, field: "date") }
        }
    }

    @Test("the clock file: an instant, or an IST date meaning 10:00 IST; the system clock without one")
    func clock() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("odop-clock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("clock")
        let clock = TrainingClock(file: file.path)
        try Data("2026-03-02".utf8).write(to: file)
        #expect(clock.timestamp() == "2026-03-02T04:30:00.000Z" && clock.today().description == "2026-03-02")
        try Data("2026-03-01T20:00:00Z\n".utf8).write(to: file)
        #expect(clock.today().description == "2026-03-02")
        #expect(abs(TrainingClock.system.now().timeIntervalSinceNow) < 60)
    }

    @Test("eligibility: minimum age, residency, trades; attendance needed rounds up; stipend is days × rate in rupees")
    func eligibility() throws {
        let today = try CalendarDay(parsing: "2026-03-02", field: "d")
        let p = BuiltInSchemes.upODOP
        let adult = Eligibility.Applicant(dateOfBirth: try CalendarDay(parsing: "1990-01-01", field: "d"), stateCode: "UP", trade: "potter")
        try Eligibility.check(adult, p, schemeId: "up", today: today)
        var minor = adult
        minor.dateOfBirth = try CalendarDay(parsing: "2008-03-03", field: "d")
        do {
            try Eligibility.check(minor, p, schemeId: "up", today: today)
            Issue.record("a 17-year-old is not eligible")
        } catch { #expect(error.code == .conflict && error.field == "artisan.dateOfBirth") }
        var elsewhere = adult
        elsewhere.stateCode = "BR"
        do { try Eligibility.check(elsewhere, p, schemeId: "up", today: today) } catch { #expect(error.field == "artisan.state") }
        do { try Eligibility.check(adult, BuiltInSchemes.pmVishwakarma, schemeId: "pmv", today: today) } catch {
            Issue.record("a potter is eligible: \(error)")
        }
        var weaver = adult
        weaver.trade = "weaver"
        do {
            try Eligibility.check(weaver, BuiltInSchemes.pmVishwakarma, schemeId: "pmv", today: today)
            Issue.record("weaving is not a PM Vishwakarma trade")
        } catch { #expect(error.field == "artisan.trade") }

        #expect(Eligibility.requiredAttendance(days: 10, percent: 70) == 7)
        #expect(Eligibility.requiredAttendance(days: 5, percent: 70) == 4)
        #expect(Eligibility.requiredAttendance(days: 7, percent: 100) == 7)
        #expect(Eligibility.requiredAttendance(days: 15, percent: 0) == 0)
        #expect(Eligibility.stipend(attendedDays: 8, ratePerDay: 200) == 1_600)
        #expect(Eligibility.stipend(attendedDays: 15, ratePerDay: 500) == 7_500)
        #expect(Eligibility.stipend(attendedDays: 3, ratePerDay: 0) == 0)
        let rule = try #require(p.coolingOff)
        #expect(Eligibility.coolingOffStart(rule, today: today).description == "2024-03-03")
    }

    @Test("scheme parameters: the built-in ones are valid; bad ones name the field")
    func schemeRules() throws {
        for (_, parameters) in BuiltInSchemes.all {
            #expect(try SchemeRules.normalized(parameters) == parameters)
        }
        #expect(BuiltInSchemes.pmVishwakarma.verificationStages.count == 3)
        var p = BuiltInSchemes.upODOP
        p.state = "uttar pradesh"
        #expect(try SchemeRules.normalized(p).state == "UP")
        let cases: [(String, (inout SchemeParameters) -> Void)] = [
            ("parameters.minimumAge", { $0.minimumAge = 200 }),
            ("parameters.verificationStages", { $0.verificationStages = [] }),
            ("parameters.trainingKinds.0.minimumDays", { $0.trainingKinds[0].minimumDays = 20 }),
            ("parameters.trainingKinds.1.kind", { $0.trainingKinds[1].kind = .basic }),
            ("parameters.toolkit.capRupees", { $0.toolkit.capRupees = 0 }),
            ("parameters.state", { $0.state = "Atlantis" }),
            ("parameters.minimumAttendancePercent", { $0.minimumAttendancePercent = 101 }),
            (
                "parameters.districtTargets.0.financialYear",
                { $0.districtTargets = [DistrictTarget(districtId: "UP-agra", financialYear: "2025", trainees: 1)] }
            ),
        ]
        for (field, change) in cases {
            var bad = BuiltInSchemes.upODOP
            change(&bad)
            do {
                _ = try SchemeRules.normalized(bad)
                Issue.record("\(field) accepted")
            } catch { #expect(error.field == field) }
        }
        #expect(throws: CommandError.self) { try SchemeRules.schemeId("Bad Id") }
    }

    @Test("the CSV reader: quoted commas, doubled quotes, line breaks inside quotes, CRLF; lines of each record")
    func csv() throws {
        let records = try CSVRecords.parse("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,row", field: "csv")
        #expect(records.map(\.line) == [1, 2, 3, 5])
        #expect(records[1].fields == ["x, y", "say \"hi\""])
        #expect(records[2].fields == ["two\nlines", "z"])
        #expect(throws: CommandError.self) { try CSVRecords.parse("a\n\"open", field: "csv") }
    }
}
