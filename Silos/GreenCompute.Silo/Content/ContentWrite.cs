namespace GreenCompute.Silo.Content;

/// <summary>How an upload ended: stored, already there, or refused (bad name, too large, bytes hash to something else).</summary>
public sealed record ContentWrite(string Outcome, string? ActualHash = null)
{
    public static ContentWrite Stored { get; } = new("stored");

    public static ContentWrite AlreadyPresent { get; } = new("present");

    public static ContentWrite BadName { get; } = new("bad-name");

    public static ContentWrite TooLarge { get; } = new("too-large");

    public bool IsStored => Outcome is "stored" or "present";

    public static ContentWrite Mismatch(string actual) => new("mismatch", actual);
}
