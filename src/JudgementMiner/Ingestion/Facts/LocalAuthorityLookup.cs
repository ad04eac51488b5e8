using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;

namespace JudgementMiner.Ingestion.Facts;

/// <summary>A local authority's reference data (DfE LA code, region), keyed in the lookup by Ofsted URN.</summary>
public sealed record LocalAuthority(string Urn, string LaCode, string Name, string Region);

/// <summary>
/// Matches the authority named in a report ("Warrington Borough Council", "London Borough of Barnet",
/// "Bournemouth, Christchurch and Poole") to the shipped reference lookup (Resources/la_lookup.csv, from DfE and ONS
/// data). Names are compared after folding case, punctuation and council-type words.
/// </summary>
public sealed partial class LocalAuthorityLookup
{
    private readonly Dictionary<string, LocalAuthority> _byName = new();
    private readonly Dictionary<string, LocalAuthority> _byUrn = new();

    public static LocalAuthorityLookup Shipped { get; } = LoadShipped();

    public IReadOnlyCollection<LocalAuthority> All => _byName.Values.Distinct().ToList();

    public static LocalAuthorityLookup Load(TextReader reader)
    {
        var lookup = new LocalAuthorityLookup();
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            var authority = new LocalAuthority(csv.GetField("urn")!, csv.GetField("la_code")!, csv.GetField("local_authority_ons_name")!, csv.GetField("region_name")!);
            lookup._byUrn.TryAdd(authority.Urn, authority);
            foreach (var column in new[] { "local_authority_ons_name", "also_known_as", "ofsted_ilacs_scrape_la_name", "ltla23nm", "utla23nm" })
            {
                var name = csv.GetField(column);
                if (string.IsNullOrWhiteSpace(name) || name.All(char.IsAsciiDigit)) continue;
                var folded = Fold(name);
                if (folded.Length > 0) lookup._byName.TryAdd(folded, authority);
            }
        }
        return lookup;
    }

    public LocalAuthority? Match(string? reportedName)
    {
        if (string.IsNullOrWhiteSpace(reportedName)) return null;
        var folded = Fold(reportedName);
        if (_byName.TryGetValue(folded, out var exact)) return exact;
        // "Medway Children's Services": the longest known name inside the reported one.
        var inside = _byName.Where(kv => kv.Key.Length >= 4 && (" " + folded + " ").Contains(" " + kv.Key + " "))
            .OrderByDescending(kv => kv.Key.Length).Select(kv => kv.Value).FirstOrDefault();
        if (inside is not null) return inside;
        // "East Riding", "Hull", "Newcastle": a short form inside exactly one known name.
        var around = _byName.Where(kv => folded.Length >= 4 && (" " + kv.Key + " ").Contains(" " + folded + " "))
            .Select(kv => kv.Value).Distinct().ToList();
        return around.Count == 1 ? around[0] : null;
    }

    /// <summary>
    /// The council of the folder a file was saved in, when the folder is named <c>&lt;Ofsted URN&gt;_&lt;name&gt;</c> as the
    /// public scrapers (and <c>judgementminer fetch</c>) name them; null otherwise.
    /// </summary>
    public LocalAuthority? MatchFolder(string path)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(path) ?? "");
        var underscore = folder.IndexOf('_');
        if (underscore <= 0 || !folder[..underscore].All(char.IsAsciiDigit)) return null;
        return _byUrn.GetValueOrDefault(folder[..underscore]);
    }

    /// <summary>Folds a name for comparison: lower case, "&amp;" as "and", no punctuation, no council-type words.</summary>
    public static string Fold(string name)
    {
        var text = name.ToLowerInvariant().Replace('’', '\'').Replace("&", " and ");
        text = Punctuation().Replace(text, " ");
        var stripped = string.Join(' ', CouncilWords().Replace(" " + text + " ", " ").Split(' ', StringSplitOptions.RemoveEmptyEntries));
        // "City of London" is nothing but council-type words: keep it whole.
        return stripped.Length > 0 ? stripped : string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static LocalAuthorityLookup LoadShipped()
    {
        using var stream = typeof(LocalAuthorityLookup).Assembly.GetManifestResourceStream("JudgementMiner.Resources.la_lookup.csv")
                           ?? throw new InvalidOperationException("the shipped local authority lookup is missing from the assembly");
        using var reader = new StreamReader(stream);
        return Load(reader);
    }

    [GeneratedRegex(@"[^a-z0-9 ]+")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"(?<= )(the|council|borough|county|city|metropolitan|district|london|royal|of|children s services|childrens services|children s|services|local authority|unitary|authority)(?= )")]
    private static partial Regex CouncilWords();
}
