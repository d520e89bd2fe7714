/// Tests on the shape of a candidate name, so that only things written like
/// names (`GSM8K`, `OnPro`, `SLIM`, `FST-D`, `Self-Judge`) are taken, and
/// descriptions (`a novel self-training strategy`, `mathematical benchmarks`)
/// are not.
enum NameShape {
    /// A token that can only be a name: it mixes letters and digits, has a
    /// capital inside (`CamelCase`, `B-STaR`), is an acronym of two or more
    /// capitals, or (away from a sentence start) joins capitalised parts
    /// with hyphens (`Self-Judge`, `Agent-R`).
    static func isStrong(_ t: Token, sentenceInitial: Bool) -> Bool {
        guard t.kind == .word, t.letters > 0 else { return false }
        if t.has(WordClass.notNames) { return false }
        if t.descriptiveSuffix { return false }
        // Two leading capitals then lower case: `DLinear`, `MPLight`.
        if t.upper >= 2, t.lower > 0, t.startsWithTwoCapitals { return true }
        // Letters with digits, but not a size or dimension (`7B`, `3D`, `100K`).
        if t.digits > 0 && t.upper > 0 && (t.firstUpper || t.letters >= 2) { return true }
        if t.innerUpper { return true }
        if t.upper >= 2 && t.upper * 2 >= t.letters { return true }
        if t.hyphens > 0 && t.allPartsCapitalised && !sentenceInitial { return true }
        return false
    }

    /// A capitalised word that is not a function word or a known non-name.
    static func isCapitalisedWord(_ t: Token) -> Bool {
        t.kind == .word && t.firstUpper && t.letters >= 2 && !t.has(WordClass.notNames)
    }

    /// Model families (named LLMs and other released models) that are not
    /// methods: `GPT-4o`, `LLaMA3-8B`, `Qwen2.5-Math-7B`, `DeepSeek-R1`, `o1`.
    static let modelFamilies: [String] = [
        "gpt", "chatgpt", "instructgpt", "llama", "codellama", "alpaca", "vicuna", "qwen", "qwq", "mistral",
        "mixtral", "gemma", "gemini", "claude", "palm", "flan", "t5", "bert", "roberta", "deberta", "electra",
        "albert", "xlnet", "bart", "deepseek", "phi", "falcon", "wizardlm", "wizardmath", "wizardcoder", "mpt",
        "bloom", "opt", "codex", "starcoder", "internlm", "internvl", "baichuan", "chatglm", "glm", "kimi", "grok",
        "llava", "minigpt", "blip", "clip", "dalle", "dall-e", "sora", "stablelm", "pythia", "olmo", "tulu",
        "zephyr", "orca", "yi", "ernie", "pangu", "chinchilla", "gopher", "lamda", "galactica", "command",
        "jamba", "granite", "nemotron", "metamath", "mammoth", "tora", "minicpm", "smollm", "aya", "bloomz",
        "mt5", "xlm", "whisper", "wav2vec", "hubert", "sam", "dinov2", "imagen", "midjourney", "copilot", "bard",
        "o1", "o3", "o4", "r1", "alexa", "siri", "llemma", "openai", "anthropic",
    ]
    private static let modelFamilySet = Set(modelFamilies)
    /// The families by ``Bytes/hash(_:)``: a miss here rules a head out
    /// without hashing a string; a hit is confirmed in ``modelFamilySet``.
    private static let modelFamilyHashes: WordTable = {
        var table = WordTable(capacity: 256)
        for name in modelFamilies { table.add(Bytes.hash(name), 1) }
        return table
    }()

    /// Whether `name` names a released model rather than a method.
    static func isModelName(_ name: String) -> Bool {
        var lower = name.lowercased()
        // The leading run of ASCII lower-case letters (a run of scalars
        // "a"..."z" is the same run of bytes 0x61...0x7A), and its hash.
        let (head, headHash) = lower.withUTF8 { b -> (String, UInt64) in
            var n = 0
            var h: UInt64 = 0xcbf29ce484222325
            while n < b.count, Bytes.isLowerASCII(b[n]) {
                h = (h ^ UInt64(b[n])) &* 0x100000001b3
                n += 1
            }
            return (String(decoding: UnsafeBufferPointer(rebasing: b[..<n]), as: UTF8.self), h)
        }
        if modelFamilyHashes.lookup(headHash) != 0, modelFamilySet.contains(head) {
            // The family name alone, or followed by a version, size or dash.
            let rest = lower.dropFirst(head.count)
            // `BERT4Rec`, `GPT4Rec`: a family name inside a method's name.
            if let tail = name.dropFirst(head.count).drop(while: { $0.isNumber }).first, tail.isUppercase,
               name.dropFirst(head.count).first?.isNumber == true {
                return false
            }
            if rest.isEmpty || rest.first.map({ $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" }) == true { return true }
        }
        if lower.utf8.first == 0x6F, lower.hasPrefix("o1") || lower.hasPrefix("o3") || lower.hasPrefix("o4") {
            return lower.count == 2 || lower.dropFirst(2).first == "-"
        }
        return false
    }

    /// Drops a parameter-count suffix (`-7B`, `-1.5B`, `-70b`, `-125M`) from a
    /// named model variant, so `SSR-Zero-7B` and `SSR-Zero` are one name.
    static func strippingSize(_ name: String) -> String {
        guard let dash = lastDash(in: name) else { return name }
        let tail = name[name.index(after: dash)...]
        guard let last = tail.last, "BbMm".contains(last), tail.count >= 2,
              tail.dropLast().allSatisfy({ $0.isNumber || $0 == "." }) else { return name }
        return String(name[..<dash])
    }

    /// `name.lastIndex(of: "-")`, found on the UTF-8 bytes: a `-` byte between
    /// ASCII bytes (or the string's ends) is a character of its own. Any other
    /// `-` byte might be joined to a combining or prepended scalar, so then the
    /// characters are searched.
    private static func lastDash(in name: String) -> String.Index? {
        let utf8 = name.utf8
        guard let dash = utf8.lastIndex(of: 0x2D) else { return nil }
        let after = utf8.index(after: dash)
        if (after == utf8.endIndex || utf8[after] < 0x80)
            && (dash == utf8.startIndex || utf8[utf8.index(before: dash)] < 0x80) {
            return dash
        }
        return name.lastIndex(of: "-")
    }
}
