import Testing
import PaperGraphModel
@testable import PaperGraphExtract

/// Repositories and homepages, with the debris real abstracts carry.
@Suite struct URLTests {
    private func code(_ abstract: String, comment: String? = nil) -> ([String], [String]) {
        let e = Support.extract("t", abstract, comment: comment)
        return (e.repositories.map(\.name), e.homepages.map(\.name))
    }

    @Test func pathBelowTheRepositoryIsDropped() {
        let (repos, pages) = code("The benchmark is available at https://github.com/apple/axlearn/docs/research/mmau.")
        #expect(repos == ["github.com/apple/axlearn"])
        #expect(pages.isEmpty)
    }

    @Test func braceDuplicateAndTrailingStop() {
        let (repos, pages) = code("Project page: https://mathcritique.github.io/{https://mathcritique.github.io/}.")
        #expect(repos.isEmpty)
        #expect(pages == ["mathcritique.github.io"])
    }

    @Test func texURLAndFootnoteDigit() {
        #expect(code("Code: \\url{https://github.com/IBM/ensemble-instruct}").0 == ["github.com/IBM/ensemble-instruct"])
        #expect(code("Code is at https://github.com/mila-iqia/spr.1 for all.").0 == ["github.com/mila-iqia/spr"])
        #expect(code("See (https://gitlab.com/med-ai/ces-ood).").0 == ["gitlab.com/med-ai/ces-ood"])
    }

    @Test func codeHostsAndHuggingFace() {
        let (repos, _) = code("Data at https://huggingface.co/datasets/tabular-lab/tabmess and huggingface.co/org/model, code at www.github.com/A/b.git and https://bitbucket.org/x/y/src/main, https://codeberg.org/p/q.")
        #expect(repos == ["huggingface.co/datasets/tabular-lab/tabmess", "huggingface.co/org/model", "github.com/A/b",
                          "bitbucket.org/x/y", "codeberg.org/p/q"])
    }

    @Test func shortHostQueriesAndUpperCaseSchemes() {
        let (repos, pages) = code("Demo: https://hf.co/spaces/a/b?x=1#y and HTTPS://GitHub.com/Org/Repo_. Site: http://Example.org/Docs/#top")
        #expect(repos == ["huggingface.co/spaces/a/b", "github.com/Org/Repo"])
        #expect(pages == ["example.org/Docs"])
    }

    @Test func otherURLsAreHomepagesAndPaperLinksAreNeither() {
        let (repos, pages) = code("Samples: https://difftts-d.github.io/demo/. Related: https://arxiv.org/abs/2401.00001. Owner only: https://github.com/someone")
        #expect(repos.isEmpty)
        #expect(pages == ["difftts-d.github.io/demo", "github.com/someone"])
    }

    @Test func commentFieldIsRead() {
        let e = Support.extract("t", "No links here.", comment: "Accepted at ICLR. Code: https://github.com/thu-coai/SPaR")
        #expect(e.repositories.map(\.name) == ["github.com/thu-coai/SPaR"])
        #expect(e.repositories[0].evidence.field == .comment)
    }
}
