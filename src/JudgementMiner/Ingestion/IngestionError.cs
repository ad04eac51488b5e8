namespace JudgementMiner.Ingestion;

/// <summary>Why a file has no usable rows. Written to the <c>error</c> column as its snake_case prefix (<see cref="IngestionFailureNames"/>).</summary>
public enum IngestionFailure
{
    NotAPdf,
    CorruptPdf,
    EncryptedPdf,
    NoTextLayer,
    NotAnOfstedReport,
    Unreadable,
    TimeLimit,
    MemoryLimit,

    /// <summary>A fault of ours while reading facts or sentences, not of the file: reported so that it gets fixed.</summary>
    ExtractionError,
}

/// <summary>The contract strings of <see cref="IngestionFailure"/>: the prefix of the <c>error</c> column and the manifest's <c>failure</c>.</summary>
public static class IngestionFailureNames
{
    public static string Canonical(this IngestionFailure failure) => failure switch
    {
        IngestionFailure.NotAPdf => "not_a_pdf",
        IngestionFailure.CorruptPdf => "corrupt_pdf",
        IngestionFailure.EncryptedPdf => "encrypted_pdf",
        IngestionFailure.NoTextLayer => "no_text_layer",
        IngestionFailure.NotAnOfstedReport => "not_an_ofsted_report",
        IngestionFailure.TimeLimit => "time_limit",
        IngestionFailure.MemoryLimit => "memory_limit",
        IngestionFailure.ExtractionError => "extraction_error",
        _ => "unreadable",
    };

    /// <summary>The failure a contract string names, or null for an unknown one.</summary>
    public static IngestionFailure? Parse(string? code) =>
        code is null ? null : Enum.GetValues<IngestionFailure>().Cast<IngestionFailure?>().FirstOrDefault(f => f!.Value.Canonical() == code);

    /// <summary>The failure named by the prefix of an <c>error</c> column ("time_limit: ..."), or null.</summary>
    public static IngestionFailure? OfError(string? error)
    {
        var colon = error?.IndexOf(':') ?? -1;
        return colon > 0 ? Parse(error![..colon]) : null;
    }

    /// <summary>A limit hit on a busy machine says nothing about the file: such a file is tried again by the next run.</summary>
    public static bool IsRetried(this IngestionFailure failure) => failure is IngestionFailure.TimeLimit or IngestionFailure.MemoryLimit;
}

/// <summary>A typed ingestion failure that names the file and the reason; the batch records it and goes on.</summary>
public sealed class IngestionException(string path, IngestionFailure failure, string reason, Exception? inner = null)
    : Exception($"{Path.GetFileName(path)}: {reason}", inner)
{
    public string SourcePath { get; } = path;

    public IngestionFailure Failure { get; } = failure;

    /// <summary>One line, no file name: what went wrong.</summary>
    public string Reason { get; } = reason;
}
