/// The small built-in tables behind the `name`, `city`, `country` and `location` generators.
enum GeneratorData {
    static let firstNames = [
        "Amara", "Ben", "Chen", "Dana", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kofi", "Lena",
        "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Viktor", "Wen", "Yara",
    ]
    static let lastNames = [
        "Okafor", "Schmidt", "Wang", "Levi", "Yilmaz", "Haddad", "Hopper", "Tanaka", "Moreau", "Berg",
        "Mensah", "Novak", "Garcia", "Rahman", "Silva", "Iyer", "Murphy", "Costa", "Larsen", "Aziz",
        "Kowalski", "Petrov", "Li", "Nakamura",
    ]

    /// A city with its country code and coordinates (degrees).
    struct Place {
        let city: String
        let country: String
        let lat: Double
        let lon: Double
    }

    static let places = [
        Place(city: "Berlin", country: "DE", lat: 52.52, lon: 13.405),
        Place(city: "London", country: "GB", lat: 51.507, lon: -0.128),
        Place(city: "Paris", country: "FR", lat: 48.857, lon: 2.352),
        Place(city: "Madrid", country: "ES", lat: 40.417, lon: -3.704),
        Place(city: "Amsterdam", country: "NL", lat: 52.368, lon: 4.904),
        Place(city: "Stockholm", country: "SE", lat: 59.329, lon: 18.069),
        Place(city: "Warsaw", country: "PL", lat: 52.23, lon: 21.012),
        Place(city: "Lisbon", country: "PT", lat: 38.722, lon: -9.139),
        Place(city: "New York", country: "US", lat: 40.713, lon: -74.006),
        Place(city: "San Francisco", country: "US", lat: 37.775, lon: -122.419),
        Place(city: "Toronto", country: "CA", lat: 43.653, lon: -79.383),
        Place(city: "São Paulo", country: "BR", lat: -23.551, lon: -46.633),
        Place(city: "Lagos", country: "NG", lat: 6.524, lon: 3.379),
        Place(city: "Nairobi", country: "KE", lat: -1.286, lon: 36.817),
        Place(city: "Mumbai", country: "IN", lat: 19.076, lon: 72.878),
        Place(city: "Singapore", country: "SG", lat: 1.352, lon: 103.82),
        Place(city: "Tokyo", country: "JP", lat: 35.676, lon: 139.65),
        Place(city: "Sydney", country: "AU", lat: -33.869, lon: 151.209),
    ]
}
