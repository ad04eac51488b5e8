namespace JudgementMiner.Models;

/// <summary>
/// Assigns rows to folds by group (local authority), so no council is in both the training and the test part: groups
/// are dealt, largest first, to the fold with the fewest rows so far. Deterministic for the same groups.
/// </summary>
public static class GroupedFolds
{
    public static int[] Assign(IReadOnlyList<string> groups, int folds)
    {
        var sizes = new int[folds];
        var foldOf = new Dictionary<string, int>();
        foreach (var group in groups.GroupBy(g => g).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var fold = Array.IndexOf(sizes, sizes.Min());
            foldOf[group.Key] = fold;
            sizes[fold] += group.Count();
        }
        return groups.Select(g => foldOf[g]).ToArray();
    }
}
