namespace JudgementMiner.Models;

/// <summary>One sentence's features as a sparse vector: indices ascending and unique, with their values.</summary>
public readonly record struct SparseFeatures(int[] Indices, float[] Values);

/// <summary>
/// The features every model reads, computed by our own code so that tagging a corpus is a few dot products per
/// sentence rather than ML.NET's text pipeline (which made tagging cost half a run):
/// <list type="bullet">
/// <item>word 1- and 2-grams and character 4-grams of the lower-cased sentence (letters and digits; other characters
/// separate words), counted and hashed into <see cref="TextBuckets"/> buckets with a sign from the hash (collisions
/// cancel rather than add up); the char block scaled to length 1, the word block to <see cref="WordWeight"/>;</item>
/// <item>the previous sentence of the paragraph, as word 1- and 2-grams in their own hash space, scaled to
/// <see cref="ContextScale"/>;</item>
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
    public const string Description = "hashed word 1-2-grams (length 3) and char 4-grams (length 1) of the sentence, word 1-2-grams of the previous sentence in the paragraph (length 0.5), 2^18 signed buckets; section one-hot; 3 log(1 + lexicon hits)";

    private const int CharNgram = 4;

    /// <summary>
    /// Length of the word n-gram block beside the unit-length char 4-gram block. Scaled together, the char 4-grams
    /// (about five per word) drowned the words; in grouped CV stance macro F1 rose from 0.727 with one joint scale to
    /// 0.736, 0.751 and 0.756 with the words at 1, 2 and 3 (4 gave 0.756 too).
    /// </summary>
    public const float WordWeight = 3;

    /// <summary>
    /// Length of the previous sentence's block (its word 1- and 2-grams, in their own hash space): the sentence before
    /// says what "they" and "these arrangements" are. It raised theme macro F1 from 0.783 to 0.793 in grouped CV (0.5
    /// beat 1: 0.789); the sentence after, tried the same way, added nothing to themes.
    /// </summary>
    public const float ContextScale = 0.5f;

    /// <summary>Weight of the lexicon block beside the unit-length text block (3 beat 1 and 6 for stance in grouped CV: 0.724, 0.717, 0.720).</summary>
    private const float LexiconScale = 3;

    public static SparseFeatures Featurize(SentenceInput sentence)
    {
        var scratch = t_scratch ??= new Scratch();
        var entries = scratch.Entries;
        entries.Clear();
        var marked = Normalize(sentence.Text, scratch);
        var words = marked.AsSpan(1, marked.Length - 2);
        AddBlock(entries, scratch, WordNgrams(words, scratch, 1, 2), WordWeight);
        AddBlock(entries, scratch, CharNgrams(marked, scratch), 1);
        if (sentence.Previous.Length > 0)
        {
            var previous = Normalize(sentence.Previous, scratch);
            AddBlock(entries, scratch, WordNgrams(previous.AsSpan(1, previous.Length - 2), scratch, 4, 5), ContextScale);
        }

        var section = Array.IndexOf(Sections, sentence.Section);
        entries.Add((SectionOffset + (section < 0 ? Sections.Length : section), 1));
        for (var i = 0; i < sentence.LexiconHits.Length && i < SentenceInput.FeatureCount; i++)
            if (sentence.LexiconHits[i] != 0)
                entries.Add((LexiconOffset + i, LexiconScale * (float)Math.Log(1 + sentence.LexiconHits[i])));
        return ToSparse(entries, scratch);
    }

    /// <summary>Per-thread buffers: featurizing a corpus allocates only the result arrays.</summary>
    [ThreadStatic] private static Scratch? t_scratch;

    private sealed class Scratch
    {
        public char[] Chars = new char[512];
        public int[] Keys = new int[1024];
        public int[] SortIndices = new int[512];
        public float[] SortValues = new float[512];
        public readonly List<(int Index, float Value)> Entries = new(512);
    }

    /// <summary>
    /// Appends one block of hashed n-grams to <paramref name="entries"/>: the keys are sorted so that equal buckets sit
    /// together, their signed counts summed, and the block scaled to length <paramref name="length"/>.
    /// </summary>
    private static void AddBlock(List<(int Index, float Value)> entries, Scratch scratch, int count, float length)
    {
        var keys = scratch.Keys.AsSpan(0, count);
        keys.Sort();
        var start = entries.Count;
        var norm = 0.0;
        for (var i = 0; i < keys.Length;)
        {
            var index = keys[i] >> 1;
            var sum = 0;
            for (; i < keys.Length && keys[i] >> 1 == index; i++) sum += (keys[i] & 1) == 0 ? 1 : -1;
            if (sum == 0) continue; // signed hashing: two n-grams cancelled out
            entries.Add((index, sum));
            norm += sum * sum;
        }
        if (norm == 0) return;
        var scale = length / (float)Math.Sqrt(norm);
        for (var i = start; i < entries.Count; i++) entries[i] = (entries[i].Index, entries[i].Value * scale);
    }

    /// <summary>Sorts by index and adds up entries that share one (the text blocks can collide with each other).</summary>
    private static SparseFeatures ToSparse(List<(int Index, float Value)> entries, Scratch scratch)
    {
        var n = entries.Count;
        if (scratch.SortIndices.Length < n)
        {
            scratch.SortIndices = new int[n * 2];
            scratch.SortValues = new float[n * 2];
        }
        var keys = scratch.SortIndices;
        var items = scratch.SortValues;
        for (var i = 0; i < n; i++) (keys[i], items[i]) = entries[i];
        Array.Sort(keys, items, 0, n); // primitive keys: much faster than sorting the tuples with a comparison
        var distinct = 0;
        for (var i = 0; i < n; i++)
            if (i == 0 || keys[i] != keys[i - 1]) distinct++;
        var indices = new int[distinct];
        var values = new float[distinct];
        var k = -1;
        for (var i = 0; i < n; i++)
        {
            if (i == 0 || keys[i] != keys[i - 1]) indices[++k] = keys[i];
            values[k] += items[i];
        }
        return new SparseFeatures(indices, values); // ascending, as ML.NET's sparse vectors need
    }

    /// <summary>
    /// Lower case, letters and digits kept, every other run of characters one space, trimmed, with a boundary mark at
    /// each end (\u0002 and \u0003, as ML.NET marks text for its char n-grams). Returned as a new string: the scratch
    /// buffer is reused by the next call.
    /// </summary>
    private static string Normalize(string text, Scratch scratch)
    {
        if (scratch.Chars.Length < text.Length + 2) scratch.Chars = new char[text.Length * 2 + 2];
        var buffer = scratch.Chars;
        var length = 0;
        buffer[length++] = '\u0002';
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
        if (length > 1 && buffer[length - 1] == ' ') length--;
        buffer[length++] = '\u0003';
        return new string(buffer, 0, length);
    }

    /// <summary>Word 1- and 2-grams as keys in the scratch buffer; returns how many.</summary>
    private static int WordNgrams(ReadOnlySpan<char> normalized, Scratch scratch, uint unigramKind, uint bigramKind)
    {
        var count = 0;
        uint previous = 0;
        var havePrevious = false;
        var start = 0;
        for (var i = 0; i <= normalized.Length; i++)
        {
            if (i < normalized.Length && normalized[i] != ' ') continue;
            if (i > start)
            {
                var word = Fnv(normalized.Slice(start, i - start), 0x811C9DC5);
                Put(scratch, ref count, Mix(word, unigramKind));
                if (havePrevious) Put(scratch, ref count, Mix(previous * 31 + word, bigramKind));
                previous = word;
                havePrevious = true;
            }
            start = i + 1;
        }
        return count;
    }

    /// <summary>Character 4-grams of the marked sentence as keys in the scratch buffer; returns how many.</summary>
    private static int CharNgrams(string marked, Scratch scratch)
    {
        var count = 0;
        for (var i = 0; i + CharNgram <= marked.Length; i++)
            Put(scratch, ref count, Mix(Fnv(marked.AsSpan(i, CharNgram), 0x811C9DC5), 3));
        return count;
    }

    /// <summary>Stores a hash as a sortable key: its bucket shifted left, and its sign in the low bit.</summary>
    private static void Put(Scratch scratch, ref int count, uint hash)
    {
        if (count == scratch.Keys.Length) Array.Resize(ref scratch.Keys, count * 2);
        scratch.Keys[count++] = (int)(hash & (TextBuckets - 1)) << 1 | (int)(hash >> 31);
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
}
