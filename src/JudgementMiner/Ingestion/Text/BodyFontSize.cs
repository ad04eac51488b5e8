namespace JudgementMiner.Ingestion.Text;

/// <summary>The size of a report's body type: the size in which most characters are printed.</summary>
public static class BodyFontSize
{
    public static double Of(IEnumerable<TextLine> lines)
    {
        var weight = new Dictionary<double, int>();
        foreach (var line in lines)
        {
            var key = Math.Round(line.FontSize * 2) / 2;
            weight[key] = weight.GetValueOrDefault(key) + line.Text.Length;
        }
        return weight.Count == 0 ? 12 : weight.MaxBy(kv => kv.Value).Key;
    }
}
