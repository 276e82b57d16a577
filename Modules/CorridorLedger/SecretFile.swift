#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Creates files that hold secrets: mode 0600 from the first byte (no window in which another
/// user can read them), and never over an existing file.
public enum SecretFile {
    /// Writes `contents` to a new file at `path`; false if it exists or cannot be written.
    public static func create(_ path: String, contents: [UInt8]) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var offset = 0
        while offset < contents.count {
            let written = contents[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard written > 0 else { return false }
            offset += written
        }
        return fsync(fd) == 0
    }
}
