import Dashboard
import Testing

@Suite struct NumberFormatTests {
    @Test(arguments: [
        (0.0, "0"), (999.0, "999"), (999.6, "1.0k"), (1_234.0, "1.2k"), (9_960.0, "10k"), (12_345.0, "12k"),
        (340_000.0, "340k"), (999_700.0, "1.0M"), (3_400_000.0, "3.4M"), (1e9, "1.0G"), (-1_500.0, "-1.5k"),
    ])
    func compactCounts(value: Double, expected: String) {
        #expect(NumberFormat.compact(value) == expected)
    }

    @Test(arguments: [
        (0.0, "0/s"), (0.5, "0.5/s"), (3.0, "3.0/s"), (9.97, "10/s"), (42.4, "42/s"), (1_234.0, "1.2k/s"),
        (2_500_000.0, "2.5M/s"), (Double.nan, "–/s"),
    ])
    func rates(value: Double, expected: String) {
        #expect(NumberFormat.rate(value) == expected)
    }

    @Test(arguments: [
        (0.0, "0 ms"), (0.85, "850 ms"), (0.9996, "1.0 s"), (9.8, "9.8 s"), (42.2, "42 s"), (185.0, "3m 05s"),
        (3_720.0, "1h 02m"), (-2.5, "-2.5 s"),
    ])
    func durations(seconds: Double, expected: String) {
        #expect(NumberFormat.duration(seconds: seconds) == expected)
    }
}
