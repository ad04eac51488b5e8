namespace JudgementMiner.Pipeline;

/// <summary>Finds every *.pdf (any case) below the given files and folders, once each, in a stable order.</summary>
public static class InputDiscovery
{
    /// <exception cref="FileNotFoundException">An input names neither a file nor a folder.</exception>
    public static IReadOnlyList<string> FindPdfs(IEnumerable<string> inputs)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            var full = Path.GetFullPath(input);
            if (File.Exists(full))
            {
                found.Add(full); // named explicitly: processed whatever its extension, so a bad file gets its row
            }
            else if (Directory.Exists(full))
            {
                var options = new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive, IgnoreInaccessible = true };
                foreach (var file in Directory.EnumerateFiles(full, "*.pdf", options)) found.Add(file);
            }
            else
            {
                throw new FileNotFoundException($"input not found: {input}", input);
            }
        }
        return found.ToList();
    }
}
