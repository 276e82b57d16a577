public import ArgumentParser
public import CorridorFinance

// The engine's enums are option values as they are.
extension VaRMethod: ExpressibleByArgument {}
extension GARCHModel.Distribution: ExpressibleByArgument {}
extension ReturnKind: ExpressibleByArgument {}
extension FeatureBinning.Kind: ExpressibleByArgument {}
