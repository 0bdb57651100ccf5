import Testing

@testable import Simulation

/// The headless summary's numbers.
struct RunSummaryTests {
    @Test func theRealTimeRatioHasTwoSignificantDigits() {
        #expect(RunSummary.twoSignificant(0.63) == "0.63")
        #expect(RunSummary.twoSignificant(1.27) == "1.3")
        #expect(RunSummary.twoSignificant(0.97) == "0.97")
        #expect(RunSummary.twoSignificant(13.4) == "13")
        #expect(RunSummary.twoSignificant(133.2) == "133")
        #expect(RunSummary.twoSignificant(0.0634) == "0.063")
    }
}
