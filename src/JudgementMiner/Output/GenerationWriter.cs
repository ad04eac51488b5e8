namespace JudgementMiner.Output;

/// <summary>A carried report's rows after re-tagging (see <see cref="GenerationWriter.CarryAsync"/>).</summary>
public delegate (ReportRow Report, IReadOnlyList<ExtractRow> Extracts) CarryTransform(ReportRow report, IReadOnlyList<ExtractRow> extracts);

/// <summary>Row counts of a written generation.</summary>
public sealed record GenerationCounts(int Reports, int Extracts);

/// <summary>
/// Writes one generation's two Parquet files from reports given in output order: freshly read ones, and carried ones
/// copied from the previous generation. (Placeholder that buffers; the streaming writer replaces it.)
/// </summary>
public sealed class GenerationWriter : IAsyncDisposable
{
    private readonly string directory;
    private readonly DatasetStamp stamp;
    private readonly List<ReportRow> reports = [];
    private readonly List<ExtractRow> extracts = [];

    private GenerationWriter(string directory, DatasetStamp stamp)
    {
        this.directory = directory;
        this.stamp = stamp;
    }

    public static Task<GenerationWriter> CreateAsync(string directory, DatasetStamp stamp, DatasetWriterOptions options, CancellationToken ct) =>
        Task.FromResult(new GenerationWriter(directory, stamp));

    public Task AddAsync(ReportRow report, IReadOnlyList<ExtractRow> rows, CancellationToken ct)
    {
        reports.Add(report);
        extracts.AddRange(rows);
        return Task.CompletedTask;
    }

    public async Task CarryAsync(PreviousGeneration previous, int previousReportIndex, CarryTransform? transform, CancellationToken ct)
    {
        var report = previous.Reports[previousReportIndex];
        var rows = await previous.ExtractsOfAsync(previousReportIndex, ct);
        if (transform is not null) (report, rows) = transform(report, rows);
        reports.Add(report);
        extracts.AddRange(rows);
    }

    public async Task<GenerationCounts> CompleteAsync(CancellationToken ct)
    {
        await DatasetWriter.Instance.WriteAsync(directory, reports, extracts, stamp, ct);
        return new GenerationCounts(reports.Count, extracts.Count);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>A previous generation's rows, for carrying (placeholder that reads everything).</summary>
public sealed class PreviousGeneration : IAsyncDisposable
{
    private readonly List<ExtractRow> extracts;
    private readonly int[] firstExtract;

    private PreviousGeneration(IReadOnlyList<ReportRow> reports, List<ExtractRow> extracts, string directory)
    {
        Reports = reports;
        this.extracts = extracts;
        firstExtract = new int[reports.Count + 1];
        for (var i = 0; i < reports.Count; i++) firstExtract[i + 1] = firstExtract[i] + (reports[i].IsOk ? reports[i].SentenceCount ?? 0 : 0);
        if (firstExtract[^1] != extracts.Count)
            throw new InvalidDataException($"{Path.Combine(directory, DatasetSchema.ExtractsFile)} has {extracts.Count} rows but its reports' sentence counts add up to {firstExtract[^1]}; re-run with --full");
    }

    public IReadOnlyList<ReportRow> Reports { get; }

    public static async Task<PreviousGeneration> OpenAsync(string directory, CancellationToken ct)
    {
        var reports = (await DatasetWriter.ReadReportsAsync(directory, ct)).ToList();
        var extracts = (await DatasetWriter.ReadExtractsAsync(directory, ct)).ToList();
        return new PreviousGeneration(reports, extracts, directory);
    }

    public Task<IReadOnlyList<ExtractRow>> ExtractsOfAsync(int reportIndex, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ExtractRow>>(extracts.GetRange(firstExtract[reportIndex], firstExtract[reportIndex + 1] - firstExtract[reportIndex]));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
