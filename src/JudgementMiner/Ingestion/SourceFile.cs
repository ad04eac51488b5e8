using System.Security.Cryptography;
using JudgementMiner.Ingestion.Facts;

namespace JudgementMiner.Ingestion;

/// <summary>An input file's identity, worked out once: its path, content hash and the date its Ofsted file name carries.</summary>
/// <param name="FileNameDate">The date in "... - 9 may 2025.pdf" (Ofsted names downloads by publication date), or null.</param>
public sealed record SourceFile(string Path, string Sha256, DateOnly? FileNameDate)
{
    /// <summary>A stable id: the first 16 hex digits of the file's SHA-256.</summary>
    public string ReportId => Sha256[..16];

    public static SourceFile Of(string path, byte[] bytes) => new(path, Convert.ToHexStringLower(SHA256.HashData(bytes)), DateOfName(path));

    /// <summary>A file whose bytes could not be read: identified by the hash of its path, so it still gets a row.</summary>
    public static SourceFile Unread(string path) =>
        new(path, Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(path))), DateOfName(path));

    private static DateOnly? DateOfName(string path) => DateText.ParseSingle(System.IO.Path.GetFileNameWithoutExtension(path));
}
