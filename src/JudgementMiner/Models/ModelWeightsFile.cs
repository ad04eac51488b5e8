using System.IO.Compression;
using System.Text;

namespace JudgementMiner.Models;

/// <summary>
/// <c>weights.bin.gz</c>: the trained linear models in a small binary format of our own (gzip; little-endian):
/// "JMW1", the feature dimension, then per theme its name, bias, Platt slope and offset and its non-zero weights as
/// (index, value) pairs, then the stance classes likewise. Only non-zero weights are stored: features never seen in
/// training have weight 0.
/// </summary>
public static class ModelWeightsFile
{
    private const string Magic = "JMW1";

    public static void Write(string path, IReadOnlyDictionary<string, BinaryLinearModel> themes, MulticlassLinearModel stance)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(HashedFeaturizer.Dimension);
        writer.Write(Themes.All.Length);
        foreach (var theme in Themes.All)
        {
            var model = themes[theme];
            writer.Write(theme);
            writer.Write(model.Bias);
            writer.Write(model.Slope);
            writer.Write(model.Offset);
            WriteSparse(writer, model.Weights);
        }
        writer.Write(stance.Labels.Count);
        for (var k = 0; k < stance.Labels.Count; k++)
        {
            writer.Write(stance.Labels[k]);
            writer.Write(stance.Biases[k]);
            WriteSparse(writer, stance.Weights[k]);
        }
    }

    /// <exception cref="InvalidDataException">The file is not a weights file of this version or was made with other features.</exception>
    public static (IReadOnlyDictionary<string, BinaryLinearModel> Themes, MulticlassLinearModel Stance) Read(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var reader = new BinaryReader(gzip, Encoding.UTF8);
            if (reader.ReadString() != Magic) throw new InvalidDataException($"{path}: not a JudgementMiner weights file");
            var dimension = reader.ReadInt32();
            if (dimension != HashedFeaturizer.Dimension)
                throw new InvalidDataException($"{path}: made for {dimension} features, this version has {HashedFeaturizer.Dimension}; retrain with 'judgementminer train'");
            var themes = new Dictionary<string, BinaryLinearModel>();
            for (var n = reader.ReadInt32(); n > 0; n--)
            {
                var name = reader.ReadString();
                var bias = reader.ReadSingle();
                var slope = reader.ReadSingle();
                var offset = reader.ReadSingle();
                themes[name] = new BinaryLinearModel(ReadSparse(reader, dimension), bias, slope, offset);
            }
            var missing = Themes.All.Where(t => !themes.ContainsKey(t)).ToList();
            if (missing.Count > 0) throw new InvalidDataException($"{path}: no model for {string.Join(", ", missing)}");
            var classes = reader.ReadInt32();
            var labels = new string[classes];
            var biases = new float[classes];
            var weights = new float[classes][];
            for (var k = 0; k < classes; k++)
            {
                labels[k] = reader.ReadString();
                biases[k] = reader.ReadSingle();
                weights[k] = ReadSparse(reader, dimension);
            }
            return (themes, new MulticlassLinearModel(labels, weights, biases));
        }
        // Gzip's own "invalid data" and a short read both mean a damaged file; our own errors already name the file.
        catch (Exception e) when (e is EndOfStreamException or InvalidOperationException or IndexOutOfRangeException
                                      || e is InvalidDataException && !e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: damaged weights file ({e.Message})", e);
        }
    }

    private static void WriteSparse(BinaryWriter writer, float[] weights)
    {
        var nonZero = Enumerable.Range(0, weights.Length).Where(i => weights[i] != 0).ToList();
        writer.Write(nonZero.Count);
        foreach (var i in nonZero)
        {
            writer.Write(i);
            writer.Write(weights[i]);
        }
    }

    private static float[] ReadSparse(BinaryReader reader, int dimension)
    {
        var weights = new float[dimension];
        for (var n = reader.ReadInt32(); n > 0; n--)
        {
            var index = reader.ReadInt32();
            weights[index] = reader.ReadSingle();
        }
        return weights;
    }
}
