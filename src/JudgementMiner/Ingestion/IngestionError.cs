namespace JudgementMiner.Ingestion;

/// <summary>Why a file could not be ingested. The names are written to the <c>error</c> column as a prefix.</summary>
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
