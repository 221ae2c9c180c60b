/// The Verhoeff check digit (dihedral group D5), as UIDAI uses for the last digit of an Aadhaar
/// number: a number is valid when its checksum over all digits, check digit included, is 0.
/// It catches every single-digit error and every transposition of adjacent digits.
public enum Verhoeff {
    private static let multiplication: [[Int]] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ]
    private static let permutation: [[Int]] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
        [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ]
    private static let inverse = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]

    /// Whether `digits` (each 0...9, check digit last) pass the check.
    public static func isValid(_ digits: [Int]) -> Bool {
        checksum(digits, offset: 0) == 0
    }

    /// The check digit to append to `digits`.
    public static func checkDigit(for digits: [Int]) -> Int {
        inverse[checksum(digits, offset: 1)]
    }

    private static func checksum(_ digits: [Int], offset: Int) -> Int {
        var c = 0
        for (i, digit) in digits.reversed().enumerated() {
            c = multiplication[c][permutation[(i + offset) % 8][digit]]
        }
        return c
    }
}
