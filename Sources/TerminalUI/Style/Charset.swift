/// Which characters the UI draws with: box drawing, braille and arrows under a UTF-8 locale, plain ASCII
/// otherwise.
public enum Charset: Hashable, Sendable {
    case unicode
    case ascii

    /// The charset for a process with this environment. The locale's character set comes from the first
    /// non-empty of `LC_ALL`, `LC_CTYPE`, `LANG` (POSIX precedence); it counts as UTF-8 when its name
    /// contains "UTF-8" or "utf8" in any case. `--ascii` (`forceASCII`) wins over the locale.
    public static func select(environment: [String: String], forceASCII: Bool) -> Charset {
        if forceASCII { return .ascii }
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        guard let name = locale?.uppercased() else { return .ascii }
        return name.contains("UTF-8") || name.contains("UTF8") ? .unicode : .ascii
    }
}
