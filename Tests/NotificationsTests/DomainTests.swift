import Foundation
import ODOPMessages
import Testing

@testable import Notifications

@Suite("Indian numbers, IST, retry schedule, signatures, addresses")
struct DomainTests {
    @Test func indianGrouping() {
        #expect(IndianNumberFormat.grouped(0) == "0")
        #expect(IndianNumberFormat.grouped(999) == "999")
        #expect(IndianNumberFormat.grouped(1000) == "1,000")
        #expect(IndianNumberFormat.grouped(171000) == "1,71,000")
        #expect(IndianNumberFormat.grouped(123_456_789) == "12,34,56,789")
        #expect(IndianNumberFormat.grouped(-20000) == "-20,000")
        #expect(IndianNumberFormat.rupees(20000) == "₹20,000")
        #expect(IndianNumberFormat.crore(171000) == "₹1,71,000 crore")
        #expect(IndianNumberFormat.crore(12.5) == "₹12.5 crore")
        #expect(IndianNumberFormat.crore(0.075) == "₹0.08 crore")
        #expect(IndianNumberFormat.crore(1234.05, unit: "करोड़") == "₹1,234.05 करोड़")
    }

    @Test func istDatesAndWindows() throws {
        let date = try #require(RFC3339.date(from: "2026-11-23T07:05:01Z"))  // 12:35 IST
        #expect(IndiaTime.dateTime(date, language: .en) == "23 Nov 2026, 12:35 IST")
        #expect(IndiaTime.dateTime(date, language: .hi) == "23 नवंबर 2026, 12:35 IST")
        #expect(RFC3339.string(from: IndiaTime.hourStart(of: date)) == "2026-11-23T06:30:00.000Z")
        // Days ending at 09:00 IST (03:30 UTC).
        #expect(RFC3339.string(from: IndiaTime.dayStart(of: date, minutesAfterMidnight: 540)) == "2026-11-23T03:30:00.000Z")
        let early = try #require(RFC3339.date(from: "2026-11-23T03:00:00Z"))  // 08:30 IST: still the previous day's window
        #expect(RFC3339.string(from: IndiaTime.dayStart(of: early, minutesAfterMidnight: 540)) == "2026-11-22T03:30:00.000Z")
        #expect(RFC3339.string(from: IndiaTime.dayStart(of: date, minutesAfterMidnight: 0)) == "2026-11-22T18:30:00.000Z")
        #expect(IndiaTime.minutes(ofClockTime: "09:30") == 570)
        #expect(IndiaTime.minutes(ofClockTime: "24:00") == nil)
        #expect(IndiaTime.minutes(ofClockTime: "9:30") == nil)
    }

    @Test func retrySchedule() throws {
        #expect(RetrySchedule.standard.delays == [0, 5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400])
        let parsed = try #require(RetrySchedule.parse("0,5s,5m,30m,2h"))
        #expect(parsed.delays == [0, 5, 300, 1800, 7200])
        #expect(RetrySchedule.parse("0,1,1")?.delays == [0, 0.001, 0.001])
        #expect(RetrySchedule.parse("0,10ms")?.delays == [0, 0.01])
        #expect(RetrySchedule.parse("") == nil)
        #expect(RetrySchedule.parse("0,-1") == nil)
        #expect(RetrySchedule.parse("0,soon") == nil)
        let start = Date(timeIntervalSince1970: 1_000_000)
        let schedule = RetrySchedule(delays: [0, 5, 300], jitter: 0.1)
        #expect(schedule.nextAttempt(after: 1, failedAt: start, random: { 0 }) == start.addingTimeInterval(5))
        #expect(schedule.nextAttempt(after: 2, failedAt: start, random: { 0.5 }) == start.addingTimeInterval(315))
        #expect(schedule.nextAttempt(after: 3, failedAt: start) == nil)
    }

    /// The example from the Standard Webhooks / Svix documentation.
    @Test func signatureMatchesThePublishedExample() {
        let signature = WebhookSignature.sign(
            id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330, body: Data(#"{"test": 2432232314}"#.utf8),
            secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        #expect(signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
    }

    @Test func secretsAndIds() throws {
        let secret = WebhookSignature.newSecret()
        #expect(secret.hasPrefix("whsec_"))
        #expect(try #require(WebhookSignature.key(of: secret)).count == 32)
        #expect(WebhookSignature.newSecret() != secret)
        let id = DeliveryIdentity.webhookId(eventId: "e1", subscriptionId: "sub_a")
        #expect(id == DeliveryIdentity.webhookId(eventId: "e1", subscriptionId: "sub_a"))
        #expect(id != DeliveryIdentity.webhookId(eventId: "e1", subscriptionId: "sub_b"))
        #expect(id.hasPrefix("msg_") && id.count == 36)
        let window = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(
            DeliveryIdentity.digestId(subscriptionId: "sub_a", windowStart: window)
                == DeliveryIdentity.digestId(subscriptionId: "sub_a", windowStart: window))
    }

    @Test func addressClasses() {
        let cases: [(String, AddressPolicy.AddressClass?)] = [
            ("127.0.0.1", .loopback), ("127.8.9.1", .loopback), ("::1", .loopback), ("[::1]", .loopback),
            ("10.1.2.3", .private), ("172.16.0.1", .private), ("172.31.255.255", .private), ("172.32.0.1", .public),
            ("192.168.1.1", .private), ("100.64.0.1", .private), ("169.254.169.254", .linkLocal), ("fe80::1", .linkLocal),
            ("fd00::1", .private), ("0.0.0.0", .unspecified), ("::", .unspecified), ("::ffff:127.0.0.1", .loopback),
            ("::ffff:10.0.0.1", .private), ("::ffff:8.8.8.8", .public), ("8.8.8.8", .public), ("2001:4860::8888", .public),
            ("224.0.0.1", .reserved), ("255.255.255.255", .reserved), ("example.org", nil),
        ]
        for (text, expected) in cases {
            #expect(AddressPolicy.classify(text) == expected, "\(text)")
        }
    }

    @Test func urlPolicy() {
        let strict = AddressPolicy(allowance: .none)
        for url in [
            "http://127.0.0.1:8080/hook", "http://localhost/hook", "http://[::1]/hook", "http://10.0.0.5/hook",
            "http://169.254.169.254/latest", "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/", "http://2130706433/",
            "http://0x7f.1/", "http://192.168.0.1/", "http://[fd12::1]/",
        ] {
            #expect(strict.refusal(forURL: url) != nil, "\(url) must be refused")
        }
        #expect(strict.refusal(forURL: "https://hooks.example.org/odop") == nil)
        #expect(strict.refusal(forURL: "ftp://example.org/") != nil)
        #expect(strict.refusal(forURL: "not a url") != nil)
        #expect(strict.refusal(forURL: "https://user:pw@example.org/") != nil)
        let loopback = AddressPolicy(allowance: .loopback)
        #expect(loopback.refusal(forURL: "http://127.0.0.1:8080/hook") == nil)
        #expect(loopback.refusal(forURL: "http://localhost:8080/hook") == nil)
        #expect(loopback.refusal(forURL: "http://10.0.0.5/hook") != nil)
        #expect(loopback.refusal(forURL: "http://0.0.0.0:8080/") != nil)
        #expect(strict.refusal(forResolved: ["93.184.216.34", "10.0.0.1"], host: "mixed.example") != nil)
        #expect(strict.refusal(forResolved: [], host: "nowhere.example") != nil)
        #expect(strict.refusal(forResolved: ["93.184.216.34"], host: "example.org") == nil)
    }

    @Test func retryAfterHeader() {
        #expect(WebhookChannel.retryAfter("120") == 120)
        #expect(WebhookChannel.retryAfter(nil) == nil)
        #expect(WebhookChannel.retryAfter("soon") == nil)
        let later = WebhookChannel.retryAfter("Wed, 21 Oct 2099 07:28:00 GMT")
        #expect((later ?? 0) > 1_000_000)
    }
}
