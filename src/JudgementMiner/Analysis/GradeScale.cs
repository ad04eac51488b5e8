namespace JudgementMiner.Analysis;

/// <summary>The order grades are shown in: best first. <c>adequate</c> (reports before 2013) sits beside requires improvement.</summary>
public static class GradeScale
{
    public static readonly string[] Ordered = ["outstanding", "good", "requires_improvement", "adequate", "inadequate"];

    /// <summary>Sort key for a grade name; unknown names and null go last.</summary>
    public static int Rank(string? grade)
    {
        var index = grade is null ? -1 : Array.IndexOf(Ordered, grade);
        return index < 0 ? Ordered.Length : index;
    }

    /// <summary>A short label for tables and charts ("requires_improvement" is "RI").</summary>
    public static string Short(string grade) => grade switch
    {
        "requires_improvement" => "RI",
        "outstanding" => "outstanding",
        _ => grade,
    };
}
