/// A problem in an expression's text or types, at a column of the expression.
struct ExpressionError: Error, Sendable {
    /// The column (from 1) within the expression, or nil when it concerns the whole expression.
    let column: Int?
    /// What is wrong.
    let message: String
}
