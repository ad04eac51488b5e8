using JudgementMiner.Ingestion;
using JudgementMiner.Output;
using JudgementMiner.Pipeline;

namespace JudgementMiner.Tests.Refresh;

public class RefreshPlannerTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private string MakeFile(string name, string content = "x")
    {
        var path = temp.File(name);
        File.WriteAllText(path, content);
        return path;
    }

    private static ManifestFile Entry(string path, string? error = null, string status = "ok")
    {
        var info = new FileInfo(path);
        return new ManifestFile
        {
            Path = info.FullName, Size = info.Length, ModifiedUtc = info.LastWriteTimeUtc, Sha256 = "00", ReportId = "00",
            Status = status, Failure = IngestionFailureNames.OfError(error)?.Canonical(), Error = error, PipelineVersion = "1", ModelVersion = "m1",
        };
    }

    private static RunManifest Manifest(params ManifestFile[] files) => new()
    {
        Generation = "000001", PipelineVersion = "1", ModelVersion = "m1", WrittenUtc = DateTimeOffset.UnixEpoch, ReportRows = files.Length,
        ExtractRows = 0, Files = files,
    };

    [Fact]
    public void Without_a_manifest_every_file_is_new()
    {
        var a = MakeFile("a.pdf");
        var plan = RefreshPlanner.Plan([a], null, "1", "m1", full: false);
        Assert.Equal(FileAction.New, Assert.Single(plan.Files).Action);
        Assert.False(plan.IsUpToDate);
    }

    [Fact]
    public void Unchanged_new_changed_and_removed_files_are_told_apart()
    {
        var same = MakeFile("same.pdf");
        var changed = MakeFile("changed.pdf", "before");
        var gone = MakeFile("gone.pdf");
        var manifest = Manifest(Entry(same), Entry(changed), Entry(gone));
        File.WriteAllText(changed, "after, and longer");
        File.Delete(gone);
        var added = MakeFile("added.pdf");

        var plan = RefreshPlanner.Plan([added, changed, same], manifest, "1", "m1", full: false);

        Assert.Equal([FileAction.New, FileAction.Changed, FileAction.Unchanged], plan.Files.Select(f => f.Action));
        Assert.Equal([Path.GetFullPath(gone)], plan.Removed.Select(f => f.Path));
        Assert.Equal([Path.GetFullPath(added), Path.GetFullPath(changed)], plan.ToRead.Select(f => f.Path));
        Assert.False(plan.Retag);
    }

    [Fact]
    public void A_touched_file_of_the_same_size_counts_as_changed()
    {
        var a = MakeFile("a.pdf");
        var manifest = Manifest(Entry(a));
        File.SetLastWriteTimeUtc(a, File.GetLastWriteTimeUtc(a).AddMinutes(5));
        Assert.Equal(FileAction.Changed, Assert.Single(RefreshPlanner.Plan([a], manifest, "1", "m1", full: false).Files).Action);
    }

    [Fact]
    public void Nothing_new_is_up_to_date()
    {
        var a = MakeFile("a.pdf");
        var plan = RefreshPlanner.Plan([a], Manifest(Entry(a)), "1", "m1", full: false);
        Assert.True(plan.IsUpToDate);
        Assert.Empty(plan.ToRead);
    }

    [Theory]
    [InlineData("2", false)] // a new pipeline version: read everything again
    [InlineData("1", true)] // --full
    public void A_new_pipeline_version_or_full_redoes_every_file(string pipeline, bool full)
    {
        var a = MakeFile("a.pdf");
        var plan = RefreshPlanner.Plan([a], Manifest(Entry(a)), pipeline, "m1", full);
        Assert.Equal(FileAction.Redo, Assert.Single(plan.Files).Action);
        Assert.False(plan.Retag);
    }

    [Fact]
    public void A_new_model_version_retags_without_reading()
    {
        var a = MakeFile("a.pdf");
        var plan = RefreshPlanner.Plan([a], Manifest(Entry(a)), "1", "m2", full: false);
        Assert.True(plan.Retag);
        Assert.Empty(plan.ToRead);
        Assert.False(plan.IsUpToDate);
    }

    [Fact]
    public void A_file_stopped_by_a_limit_is_tried_again_but_a_bad_file_is_not()
    {
        var slow = MakeFile("slow.pdf");
        var html = MakeFile("html.pdf");
        var manifest = Manifest(Entry(slow, "time_limit: reading the file took longer than the 120 s limit", "failed"),
            Entry(html, "not_a_pdf: the file is an HTML page", "failed"));
        var plan = RefreshPlanner.Plan([html, slow], manifest, "1", "m1", full: false);
        Assert.Equal([FileAction.Unchanged, FileAction.Redo], plan.Files.Select(f => f.Action));
    }
}
