/// Folding of names into keys, shared by every stage so they agree on identity.
public enum NameFolding {
    /// Folds a method or benchmark name: lower case, letters and digits only, with
    /// `+` and `*` kept because they distinguish real names (`C++`, `MCTS*`).
    ///
    /// This matches how the evaluation guideline compares names (case and
    /// punctuation do not matter), so `GSM-8K`, `gsm8k` and `GSM8K` are one node.
    public static func fold(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { out.append(lower) }
            } else if scalar == "+" || scalar == "*" {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A readable slug of a title: lower-case words joined by `-`.
    public static func slug(_ title: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in title.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                pendingDash = true
            }
        }
        return out
    }
}
