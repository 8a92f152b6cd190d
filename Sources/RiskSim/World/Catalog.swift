import RiskCore

/// The fixed tables the population is drawn from: merchant categories, issuers, foreign
/// countries.
enum Catalog {
    /// An everyday merchant category with its share of merchants and its typical-amount factor.
    struct Category {
        var mcc: UInt16
        var weight: Double
        /// Log of the factor applied to the cardholder's usual amount.
        var amountOffset: Float
        var ecommerce: Bool
    }

    /// Everyday categories (most merchants).
    static let everyday: [Category] = [
        Category(mcc: 5411, weight: 24, amountOffset: 0.25, ecommerce: false), // grocery
        Category(mcc: 5812, weight: 18, amountOffset: 0.1, ecommerce: false), // restaurants
        Category(mcc: 5814, weight: 12, amountOffset: -0.9, ecommerce: false), // fast food
        Category(mcc: 5541, weight: 9, amountOffset: 0.4, ecommerce: false), // fuel
        Category(mcc: 5311, weight: 5, amountOffset: 0.7, ecommerce: false), // department stores
        Category(mcc: 5999, weight: 8, amountOffset: 0, ecommerce: false), // misc retail
        Category(mcc: 5651, weight: 5, amountOffset: 0.6, ecommerce: false), // clothing
        Category(mcc: 4121, weight: 4, amountOffset: -0.2, ecommerce: false), // taxis
        Category(mcc: 5942, weight: 2, amountOffset: -0.2, ecommerce: false), // books
        Category(mcc: 5732, weight: 3, amountOffset: 1.3, ecommerce: false), // electronics
        Category(mcc: 5999, weight: 5, amountOffset: 0.2, ecommerce: true), // online retail
        Category(mcc: 5732, weight: 2, amountOffset: 1.2, ecommerce: true), // online electronics
        Category(mcc: 4899, weight: 3, amountOffset: -0.8, ecommerce: true), // streaming, cable
        Category(mcc: 5651, weight: 2, amountOffset: 0.5, ecommerce: true), // online clothing
    ]

    /// High-risk categories: drugs (5122, 5912), direct marketing (5962, 5966, 5967), gambling
    /// (7995), quasi-cash (6051). The first two are POS merchants, the rest card-not-present.
    static let highRisk: [(mcc: UInt16, ecommerce: Bool)] = [
        (5122, false), (5912, false), (5962, true), (5966, true), (5967, true), (7995, true), (6051, true),
    ]

    /// Issuer BINs (the first six digits of their PANs) and their market shares.
    static let issuerBINs: [UInt64] = [453_201, 476_173, 491_761, 402_360, 520_082, 542_418, 535_110, 557_347]
    static let issuerWeights: [Double] = [22, 15, 8, 10, 18, 12, 9, 6]

    /// Acquirer countries of foreign merchants.
    static let foreignCountries: [CountryCode] = ["GB", "CA", "MX", "FR", "DE", "NL"].map { CountryCode($0)! }
}
