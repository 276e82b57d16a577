/// A problem in an expression's text or types, at a column of the expression.
struct ExpressionError: Error, Sendable, CustomStringConvertible {
    /// The column (from 1) within the expression, or nil when it concerns the whole expression.
    let column: Int?
    /// What is wrong.
    let message: String

    var description: String { column.map { "column \($0): \(message)" } ?? message }
}
