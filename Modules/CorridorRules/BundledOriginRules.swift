import Foundation

/// The product-specific rules of origin shipped with Corridor (Modules/CorridorRules/OriginRules),
/// compiled into the binary. `--rules PSR.yaml` or the daemon's `originRules` reads another table.
public enum BundledOriginRules {
    /// The RCEP Annex 3A rows Corridor ships (HS 2012), for the chapters e-commerce sellers meet most.
    public static func rcep() throws(RulesError) -> ProductSpecificRules {
        try ProductSpecificRules(text: String(decoding: PackageResources.rcep_annex_3a_yaml, as: UTF8.self), file: "rcep-annex-3a.yaml")
    }
}
