import Testing
@testable import Agents

@Suite("Linear schedule")
struct LinearScheduleTests {
    @Test("moves linearly from start to end over its duration, then stays at end")
    func linear() {
        let epsilon = LinearSchedule(start: 1, end: 0.1, duration: 1_000)
        #expect(epsilon.value(at: -5) == 1 && epsilon.value(at: 0) == 1)
        #expect(abs(epsilon.value(at: 500) - 0.55) < 1e-12)
        #expect(epsilon.value(at: 1_000) == 0.1 && epsilon.value(at: 50_000) == 0.1)
        let beta = LinearSchedule(start: 0.4, end: 1, duration: 0)
        #expect(beta.value(at: 0) == 1)
    }
}
