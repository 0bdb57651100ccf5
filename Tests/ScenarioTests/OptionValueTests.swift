import Scenario
import StreamLog
import Testing

/// The command line's number and duration readers: exact messages, and a seeded fuzz that
/// finds no trap and no value outside its range.
struct OptionValueTests {
    @Test("durations: whole milliseconds, the run limit, and the real reason for a bad one")
    func durations() throws {
        #expect(try OptionValue.duration("90s", option: "--duration") == 90_000)
        #expect(try OptionValue.duration("1.5ms", option: "--duration") == 2)
        #expect(try OptionValue.duration("24h", option: "--duration") == 86_400_000)
        #expect(throws: OptionValueError(message: "--duration 9223372036854775807ms is longer than the limit of 24h")) {
            try OptionValue.duration("9223372036854775807ms", option: "--duration")
        }
        #expect(throws: OptionValueError(message: "--at must not be negative, got -1s")) {
            try OptionValue.duration("-1s", option: "--at")
        }
        #expect(throws: OptionValueError(message: "--at: 'abc' is not a duration; expected a duration with a unit, such as 250ms, 1.5s, 2m, 1h or 7d")) {
            try OptionValue.duration("abc", option: "--at")
        }
    }

    @Test("numbers, seeds and sizes: in range or a message naming the option and the range")
    func numbers() throws {
        #expect(try OptionValue.number("0.1", option: "--speed", in: 0.1...20) == 0.1)
        #expect(throws: OptionValueError(message: "--speed must be between 0.1 and 20, got nan")) {
            try OptionValue.number("nan", option: "--speed", in: 0.1...20)
        }
        #expect(throws: OptionValueError(message: "--fps must be between 1 and 60, got inf")) {
            try OptionValue.number("inf", option: "--fps", in: 1...60)
        }
        #expect(try OptionValue.seed("18446744073709551615", option: "--seed") == .max)
        #expect(throws: OptionValueError(message: "--seed must be a whole number from 0 to 18446744073709551615, got 18446744073709551616")) {
            try OptionValue.seed("18446744073709551616", option: "--seed")
        }
        #expect(try OptionValue.size("120X40", option: "--size") == (120, 40))
        #expect(throws: OptionValueError.self) { try OptionValue.size("120x40x2", option: "--size") }
    }

    /// 20 000 random option values built from digits, units, signs, exponents and huge numbers.
    @Test("20 000 random option values: a value within range or a message, never a trap")
    func fuzz() {
        var random = SeededRandom(seed: 2026)
        let pieces = [
            "0", "1", "9", ".", "-", "+", "e", "E", "x", "X", "ms", "s", "m", "h", "d", "us", "µs", " ", "nan", "inf",
            "9223372036854775807", "18446744073709551616", "1e308", "99999999999999999999", "0.000001", "\u{0}", "٣",
        ]
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...5, using: &random)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
            if let ms = try? OptionValue.duration(text, option: "--duration") {
                #expect((0...86_400_000).contains(ms), "\(text)")
            }
            if let speed = try? OptionValue.number(text, option: "--speed", in: 0.1...20) {
                #expect((0.1...20).contains(speed), "\(text)")
            }
            if let size = try? OptionValue.size(text, option: "--size") {
                #expect((10...1000).contains(size.cols) && (5...500).contains(size.rows), "\(text)")
            }
            _ = try? OptionValue.seed(text, option: "--seed")
            do {
                _ = try OptionValue.duration(text, option: "--at")
            } catch {
                #expect(error.message.hasPrefix("--at"), "\(text): \(error.message)")
            }
        }
    }
}
