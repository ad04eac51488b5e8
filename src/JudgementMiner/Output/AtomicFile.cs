namespace JudgementMiner.Output;

/// <summary>
/// Writes a file whole or not at all: under a hidden temporary name beside it, renamed into place once complete, so a
/// failed or killed write leaves the previous file (or none), never half of one.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/> (UTF-8, no byte-order mark).</summary>
    public static void Write(string path, Action<TextWriter> write)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var writer = new StreamWriter(temporary)) write(writer);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary); // nothing left when the move happened
        }
    }

    public static void WriteAllText(string path, string text) => Write(path, writer => writer.Write(text));
}
