import Testing
@testable import RLTermCLI

@Suite("--share with and without a name")
struct ShareArgumentsTests {
    @Test("a bare --share, last or before another option, takes the default name; a named one is left alone")
    func bareShare() throws {
        #expect(ShareOptions.namingBareShare(["watch", "--share"]) == ["watch", "--share=rlterm"])
        #expect(ShareOptions.namingBareShare(["--share", "--share-group", "students"])
            == ["--share=rlterm", "--share-group", "students"])
        #expect(ShareOptions.namingBareShare(["watch", "--share", "lecture", "--env", "cartpole"])
            == ["watch", "--share", "lecture", "--env", "cartpole"])
        #expect(ShareOptions.namingBareShare(["watch", "--share-group", "g"]) == ["watch", "--share-group", "g"])
        #expect(ShareOptions.namingBareShare(["watch", "--", "--share"]) == ["watch", "--", "--share"])
        let parsed = try WatchCommand.parse(ShareOptions.namingBareShare(["--share", "--env", "cartpole"]))
        #expect(parsed.shareOptions.share == ShareOptions.defaultName)
    }
}
