public let placeholder_CorridorServer = 0
