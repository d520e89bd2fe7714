import Testing
@testable import PaperGraphIngest

@Suite struct TextCleanerTests {
    @Test(arguments: [
        ("  Two\n  lines\tand\u{00A0}spaces ", "Two lines and spaces"),
        ("Already clean.", "Already clean."),
        ("Cost $O(n^{2})$ per step", "Cost O(n^{2}) per step"),
        ("$$x+y$$ display", "x+y display"),
        ("\\emph{Fast} and \\textbf{bold}, \\textit{it}", "Fast and bold, it"),
        ("see \\url{https://github.com/a/b}", "see https://github.com/a/b"),
        ("\\href{https://x.org}{the site}", "the site"),
        ("5\\% of R\\&D uses \\_under", "5% of R&D uses _under"),
        ("{\\it cellular network}", "cellular network"),
        ("Erd\\H{o}s, Schr\\\"odinger, G\\\"{o}del, \\'Ecole, \\c{c}a, na\\\"ive", "Erdős, Schrödinger, Gödel, École, ça, naïve"),
        ("Stra\\ss e", "Straße"),
        ("Garc\\'{\\i}a and Garc\\'\\i a", "García and García"),
        ("{B}ERT and {GPT}-4", "BERT and GPT-4"),
        ("pages 1--10 --- a dash", "pages 1--10 --- a dash"),
        ("R&amp;D &lt;b&gt; &#233;t&#xE9; &quot;q&quot;", "R&D <b> été \"q\""),
        ("AT&T and a lone $ sign", "AT&T and a lone $ sign"),
        ("\\unknown{arg} stays", "\\unknownarg stays"),
        ("line\\\\break", "line break"),
    ])
    func cleans(raw: String, clean: String) {
        #expect(TextCleaner.clean(raw) == clean)
    }
}
