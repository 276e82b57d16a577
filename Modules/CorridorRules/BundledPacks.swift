import Foundation

/// The rule packs shipped with Corridor (Modules/CorridorRules/Packs), compiled into the binary.
public enum BundledPacks {
    /// File name and text of each shipped pack.
    public static var files: [(name: String, text: String)] {
        [
            ("au-low-value.yaml", PackageResources.au_low_value_yaml),
            ("cn-cbec.yaml", PackageResources.cn_cbec_yaml),
            ("eu-cbam.yaml", PackageResources.eu_cbam_yaml),
            ("eu-low-value.yaml", PackageResources.eu_low_value_yaml),
            ("my-low-value.yaml", PackageResources.my_low_value_yaml),
            ("nz-low-value.yaml", PackageResources.nz_low_value_yaml),
            ("restrictions.yaml", PackageResources.restrictions_yaml),
            ("sg-low-value.yaml", PackageResources.sg_low_value_yaml),
            ("uk-low-value.yaml", PackageResources.uk_low_value_yaml),
            ("us-low-value.yaml", PackageResources.us_low_value_yaml),
        ].map { ($0.0, String(decoding: $0.1, as: UTF8.self)) }
    }

    /// Loads and checks every shipped pack.
    public static func load(loader: RulePackLoader = RulePackLoader(builtins: QuoteFacts.declarations)) throws(RulesError) -> RulePackSet {
        var packs: [RulePack] = []
        for file in files { packs.append(try loader.load(text: file.text, file: file.name)) }
        return try RulePackSet(packs)
    }
}
