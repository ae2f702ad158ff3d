namespace GreenCompute.Influx.LineProtocol;

/// <summary>
/// Tags added to every point written with these settings (host, site…). A point's own tag of the same key wins;
/// a tag the point removed (null or empty value) falls back to the default, as in the official C# client.
/// </summary>
public sealed class PointSettings
{
    // Copy-on-write, so a writer enumerating a snapshot never sees a half-made change.
    private KeyValuePair<string, string>[] _defaultTags = [];

    public IReadOnlyList<KeyValuePair<string, string>> DefaultTags => _defaultTags;

    internal KeyValuePair<string, string>[] DefaultTagArray => _defaultTags;

    /// <summary>Adds or replaces a default tag; a null or empty value removes it, an empty key is ignored.</summary>
    public PointSettings AddDefaultTag(string key, string? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0)
        {
            return this;
        }

        _defaultTags = string.IsNullOrEmpty(value) ? SortedKeys.Remove(_defaultTags, key) : SortedKeys.Set(_defaultTags, key, value);
        return this;
    }
}
