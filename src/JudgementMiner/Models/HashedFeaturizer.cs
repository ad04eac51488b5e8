namespace JudgementMiner.Models;

/// <summary>One sentence's features as a sparse vector: indices ascending and unique, with their values.</summary>
public readonly record struct SparseFeatures(int[] Indices, float[] Values);

/// <summary>
/// The features every model reads, computed by our own code so that tagging a corpus is a few dot products per
/// sentence rather than ML.NET's text pipeline (which made tagging cost half a run):
/// <list type="bullet">
/// <item>word 1- and 2-grams and character 4-grams of the lower-cased sentence (letters and digits; other characters
/// separate words), counted, hashed into <see cref="TextBuckets"/> buckets with a sign from the hash (collisions
/// cancel rather than add up), and scaled to unit length together;</item>
/// <item>the section, one-hot;</item>
/// <item>the lexicon hits and stance cues of <see cref="SentenceInput.LexiconHits"/>, as 3 · log(1 + count).</item>
/// </list>
/// The hash is FNV-1a over the n-gram's characters: stable across runs, machines and .NET versions.
/// </summary>
public static class HashedFeaturizer
{
    public const int TextBuckets = 1 << 18;

    /// <summary>The canonical sections (data contract), in one-hot order; anything else is the last slot.</summary>
    public static readonly string[] Sections = ["summary", "improvements", "help_and_protection", "children_in_care", "care_leavers", "adoption", "leadership", "lscb", "other"];

    private const int SectionOffset = TextBuckets;
    private const int LexiconOffset = SectionOffset + 10;

    public const int Dimension = LexiconOffset + SentenceInput.FeatureCount;

    /// <summary>Describes the features for the model card and the models' version.</summary>
    public const string Description = "hashed word 1-2-grams and char 4-grams (2^18 signed buckets, L2), section one-hot, 3 log(1 + lexicon hits)";

    private const int CharNgram = 4;

    /// <summary>Weight of the lexicon block beside the unit-length text block (3 beat 1 and 6 for stance in grouped CV: 0.724, 0.717, 0.720).</summary>
    private const float LexiconScale = 3;

    public static SparseFeatures Featurize(SentenceInput sentence)
    {
        var counts = new Dictionary<int, float>(256);
        var normalized = Normalize(sentence.Text);
        AddWordNgrams(normalized, counts);
        AddCharNgrams(normalized, counts);

        var norm = 0.0;
        foreach (var value in counts.Values) norm += value * value;
        var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
        var indices = new List<int>(counts.Count + 1 + SentenceInput.FeatureCount);
        var values = new List<float>(indices.Capacity);
        foreach (var (index, value) in counts)
        {
            if (value == 0) continue; // signed hashing: two n-grams cancelled out
            indices.Add(index);
            values.Add(value * scale);
        }

        var section = Array.IndexOf(Sections, sentence.Section);
        indices.Add(SectionOffset + (section < 0 ? Sections.Length : section));
        values.Add(1);
        for (var i = 0; i < sentence.LexiconHits.Length && i < SentenceInput.FeatureCount; i++)
        {
            if (sentence.LexiconHits[i] == 0) continue;
            indices.Add(LexiconOffset + i);
            values.Add(LexiconScale * (float)Math.Log(1 + sentence.LexiconHits[i]));
        }
        var indexArray = indices.ToArray();
        var valueArray = values.ToArray();
        Array.Sort(indexArray, valueArray); // ML.NET's sparse vectors need ascending indices
        return new SparseFeatures(indexArray, valueArray);
    }

    /// <summary>Lower case, letters and digits kept, every other run of characters one space, trimmed.</summary>
    private static string Normalize(string text)
    {
        var buffer = new char[text.Length];
        var length = 0;
        var space = true;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
                space = false;
            }
            else if (!space)
            {
                buffer[length++] = ' ';
                space = true;
            }
        }
        if (length > 0 && buffer[length - 1] == ' ') length--;
        return new string(buffer, 0, length);
    }

    private static void AddWordNgrams(string normalized, Dictionary<int, float> counts)
    {
        uint previous = 0;
        var havePrevious = false;
        var start = 0;
        for (var i = 0; i <= normalized.Length; i++)
        {
            if (i < normalized.Length && normalized[i] != ' ') continue;
            if (i > start)
            {
                var word = Fnv(normalized.AsSpan(start, i - start), 0x811C9DC5);
                Add(counts, Mix(word, 1));
                if (havePrevious) Add(counts, Mix(previous * 31 + word, 2));
                previous = word;
                havePrevious = true;
            }
            start = i + 1;
        }
    }

    /// <summary>Character 4-grams of the sentence with a boundary mark at each end (as ML.NET's char n-grams).</summary>
    private static void AddCharNgrams(string normalized, Dictionary<int, float> counts)
    {
        var marked = "\u0002" + normalized + "\u0003";
        for (var i = 0; i + CharNgram <= marked.Length; i++)
            Add(counts, Mix(Fnv(marked.AsSpan(i, CharNgram), 0x811C9DC5), 3));
    }

    private static uint Fnv(ReadOnlySpan<char> span, uint hash)
    {
        foreach (var c in span)
        {
            hash ^= c;
            hash *= 16777619;
        }
        return hash;
    }

    /// <summary>Separates the kinds of n-gram (so "care" the word and "care" the 4-gram differ) and scrambles the bits.</summary>
    private static uint Mix(uint hash, uint kind)
    {
        hash ^= kind * 0x9E3779B9;
        hash ^= hash >> 16;
        hash *= 0x85EBCA6B;
        hash ^= hash >> 13;
        return hash;
    }

    private static void Add(Dictionary<int, float> counts, uint hash)
    {
        var index = (int)(hash & (TextBuckets - 1));
        var sign = (hash & 0x80000000) == 0 ? 1f : -1f;
        counts[index] = counts.GetValueOrDefault(index) + sign;
    }
}
