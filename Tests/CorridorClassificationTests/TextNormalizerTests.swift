@testable import CorridorClassification
import Foundation
import Testing

@Suite("Text normalisation and features")
struct TextNormalizerTests {
    @Test("500ml and 500 ml agree; full-width text and case fold to the same tokens")
    func unitsAndWidths() {
        #expect(TextNormalizer.normalize("Water bottle 500ml") == TextNormalizer.normalize("water BOTTLE 500 ml"))
        #expect(TextNormalizer.normalize("ＵＳＢ　Ｃａｂｌｅ") == "usb cable")
        #expect(TextNormalizer.normalize("Crème brûlée") == "creme brulee")
        #expect(TextNormalizer.normalize("0.5kg, 1,000 pcs.") == "0.5 kg 1,000 pcs")
    }

    @Test("the ASCII fast path folds exactly as NFKC and Foundation's folding do")
    func asciiFastPath() {
        let samples = ["Men's T-SHIRT, 100% Cotton (XL) #42", "USB-C Cable 2M/6.6FT Fast-Charge!", "ZIPPER; Brass & Nickel @ 5mm",
                       "~`{}[]|\\:\"<>?,./ QWERTY qwerty 0123456789", ""]
        for text in samples {
            let foundation = text.precomposedStringWithCompatibilityMapping
                .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            #expect(TextNormalizer.fold(text) == foundation, "\(text)")
        }
        #expect(TextNormalizer.fold("Ｃａｆé") == "cafe", "non-ASCII text still goes through NFKC and folding")
    }

    @Test("Plurals meet their singulars in the stem")
    func stems() {
        #expect(TextNormalizer.stem("shirts") == "shirt")
        #expect(TextNormalizer.stem("batteries") == "battery")
        #expect(TextNormalizer.stem("boxes") == "box")
        #expect(TextNormalizer.stem("glass") == "glass")
        #expect(TextNormalizer.stem("bus") == "bus")
    }

    @Test("Chinese text is kept as Han runs, beside Latin words, and gives features without a segmenter")
    func chinese() throws {
        let tokens = TextNormalizer.tokens("纯棉T恤 男款")
        #expect(tokens.map(\.text) == ["纯棉", "t", "恤", "男款"])
        #expect(tokens.filter(\.isHan).count == 3)
        let extractor = try FeatureExtractor(buckets: 1 << 16)
        let features = extractor.features("纯棉T恤")
        // Word features for 纯棉, t, 恤, a bigram per neighbour pair, and Han character 1-3-grams.
        #expect(features.count >= 8)
        #expect(Set(extractor.features("纯棉T恤")) == Set(features))
    }

    @Test("Equivalent spellings give identical features; different words do not")
    func features() throws {
        let extractor = try FeatureExtractor(buckets: 1 << 16)
        #expect(extractor.features("Bottle 500ml") == extractor.features("bottle 500 ML"))
        #expect(extractor.features("cotton shirt") != extractor.features("wool shirt"))
        #expect(extractor.features("cotton").allSatisfy { $0 >= 0 && $0 < 1 << 16 })
    }

    @Test("Out-of-range settings are refused with the setting's name")
    func settings() {
        #expect(throws: ClassificationError.invalidArgument(name: "buckets", reason: "must be between 1024 and 67108864, got 10")) {
            try FeatureExtractor(buckets: 10)
        }
        var parameters = Hyperparameters()
        parameters.epochs = 0
        #expect(throws: ClassificationError.self) { try parameters.validate() }
    }

    @Test("Expected calibration error: perfect calibration is zero; overconfidence is the gap")
    func calibrationError() {
        let perfect: [(confidence: Double, correct: Bool)] = [(0.5, true), (0.5, false), (1.0, true)]
        #expect(abs(EvaluationReport.expectedCalibrationError(perfect)) < 1e-12)
        let overconfident: [(confidence: Double, correct: Bool)] = [(0.9, false), (0.9, true)]
        #expect(abs(EvaluationReport.expectedCalibrationError(overconfident) - 0.4) < 1e-12)
    }
}
