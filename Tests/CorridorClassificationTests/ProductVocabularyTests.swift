@testable import CorridorClassification
import Testing

@Suite("Product vocabulary and product text")
struct ProductVocabularyTests {
    @Test("The shipped vocabulary reads; a phrase adds nomenclature words and noise words go")
    func bundled() throws {
        let vocabulary = try ProductVocabulary.bundled()
        #expect(vocabulary.expansions.count > 200)
        let (tokens, matched) = vocabulary.apply(TextNormalizer.tokens("NEW Hot Sale Pink Running Shoes"))
        #expect(matched == ["running shoe"])
        let words = tokens.map(\.text)
        #expect(!words.contains("pink") && !words.contains("hot") && !words.contains("sale"))
        #expect(words.contains("footwear"))
        // Only noise: the words are kept rather than leaving nothing to classify.
        #expect(vocabulary.apply(TextNormalizer.tokens("red")).tokens.map(\.text) == ["red"])
    }

    @Test("The longest phrase wins over its parts")
    func longestFirst() throws {
        let vocabulary = try ProductVocabulary(text: "water bottle | bottles flasks\ninsulated water bottle | vacuum flasks\nbottle | bottles")
        let matched = vocabulary.apply(TextNormalizer.tokens("Insulated Water Bottles 500ml")).matched
        #expect(matched == ["insulated water bottle"])
    }

    @Test("Chinese phrases are found inside runs of Han characters, longest first")
    func chinese() throws {
        let vocabulary = try ProductVocabulary.bundled()
        let (tokens, matched) = vocabulary.apply(TextNormalizer.tokens("无线蓝牙耳机 纯棉"))
        #expect(matched == ["耳机", "纯棉"])
        #expect(tokens.map(\.text).contains("headphones"))
        #expect(vocabulary.apply(TextNormalizer.tokens("积木玩具")).matched == ["积木", "玩具"])
        #expect(vocabulary.apply(TextNormalizer.tokens("笔记本电脑")).matched == ["笔记本电脑"])
    }

    @Test("A malformed vocabulary is refused with the line number")
    func malformed() {
        #expect(throws: ClassificationError.invalidLine(number: 2, reason: "expected 'phrase | nomenclature words' or 'noise: words', got 'sneakers footwear'")) {
            try ProductVocabulary(text: "# comment\nsneakers footwear")
        }
        #expect(throws: ClassificationError.self) { try ProductVocabulary(text: "a b c d | too long") }
        #expect(throws: ClassificationError.self) { try ProductVocabulary(text: "shoes | footwear\nShoes | footwear") }
    }

    @Test("Title, category path and attributes compose into one text, attributes in name order")
    func productText() {
        let product = ProductText(title: "Maxi Dress", category: "Clothing > Women > Dresses", attributes: ["pattern": "floral", "material": "cotton"])
        #expect(product.text == "Maxi Dress. Clothing, Women, Dresses. cotton. floral")
        #expect(ProductText(title: "Mug", category: "  ").text == "Mug")
    }
}
