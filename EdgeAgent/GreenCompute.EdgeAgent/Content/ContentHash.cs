namespace GreenCompute.EdgeAgent.Content;

/// <summary>Content names: a SHA-256 as 64 lowercase hex digits.</summary>
internal static class ContentHash
{
    public static bool IsValid(string? text) => text is { Length: 64 } && text.All(char.IsAsciiHexDigit);
}
