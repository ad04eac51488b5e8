namespace JudgementMiner.Output;

/// <summary>
/// A folder that cannot be read as a dataset: missing files, a damaged file, files of two generations or a schema this
/// program does not read. The message names the folder or file and says what to do; commands print it as it is.
/// </summary>
public sealed class DatasetOpenException(string message, Exception? inner = null) : Exception(message, inner);
