import CorridorFinance
import CorridorModel
import CorridorTestSupport
import Testing

@Suite("GARCH(1,1) by maximum likelihood")
struct GARCHTests {
    // arch 8.0.0, arch_model(r * 100, dist=…).fit() on the same returns (Benchmarks/peer_finance.py prints these).
    @Test("normal errors: parameters within 1e-3 of arch 8.0 and a log-likelihood at least as high", .needsReferenceData)
    func normal() throws {
        let r = try FinanceData.returns("CNY", "2016-01-01", "2025-12-31").map { $0 * 100 }
        let fit = try GARCHModel(distribution: .normal).fit(r)
        #expect(abs(fit.mu - 0.0030405977158633087) < 1e-3)
        #expect(abs(fit.omega - 0.002473555074262275) < 1e-3)
        #expect(abs(fit.alpha - 0.03465476689069298) < 1e-3)
        #expect(abs(fit.beta - 0.9505599969491136) < 1e-3)
        #expect(fit.logLikelihood >= -1319.2489860138705 - 1e-6)
        #expect(fit.persistence < 1)
        #expect(fit.nu == nil)
    }

    @Test("Student-t errors: ν and the rest within 1e-3 of arch 8.0", .needsReferenceData)
    func studentT() throws {
        let r = try FinanceData.returns("CNY", "2016-01-01", "2025-12-31").map { $0 * 100 }
        let fit = try GARCHModel(distribution: .studentT).fit(r)
        #expect(abs(fit.alpha - 0.040512665955249744) < 1e-3)
        #expect(abs(fit.beta - 0.9366136181225613) < 1e-3)
        #expect(abs((fit.nu ?? 0) - 5.3045311396665085) < 1e-3)
        #expect(fit.logLikelihood >= -1228.6093738546754 - 1e-6)
    }

    @Test("the fit recovers the parameters of a simulated GARCH process and stays stationary")
    func recoversSimulation() throws {
        var generator = SeededGenerator(seed: 11)
        var spare: Double?
        let (omega, alpha, beta) = (0.05, 0.08, 0.9)
        var sigma2 = omega / (1 - alpha - beta)
        var returns: [Double] = []
        for _ in 0..<4000 {
            let e = sigma2.squareRoot() * generator.nextNormal(spare: &spare)
            returns.append(e)
            sigma2 = omega + alpha * e * e + beta * sigma2
        }
        let fit = try GARCHModel().fit(returns)
        #expect(abs(fit.alpha - alpha) < 0.03)
        #expect(abs(fit.beta - beta) < 0.04)
        #expect(fit.persistence < 1)
        let estimate = try ValueAtRisk.garch(returns.map { $0 / 100 }, level: 0.99, distribution: .normal).estimate
        #expect(estimate.valueAtRisk > 0)
        #expect(estimate.expectedShortfall > estimate.valueAtRisk)
    }

    @Test("constant returns are refused rather than fitted")
    func constant() {
        #expect(throws: FinanceError.invalidParameter(name: "returns", reason: "are constant; GARCH needs variation")) {
            try GARCHModel().fit([Double](repeating: 0.1, count: 300))
        }
    }
}
