using System.ComponentModel.DataAnnotations;

namespace GreenCompute.Influx.Http;

/// <summary>
/// Where and how to reach an InfluxDB server; shared by <see cref="Writing.InfluxWriter"/> and
/// <see cref="Querying.InfluxQueryClient"/>. Secrets (<see cref="Password"/>, <see cref="Token"/>) belong in
/// environment variables, not in appsettings.
/// </summary>
public sealed class InfluxConnectionOptions
{
    public const string SectionName = "Influx:Connection";

    /// <summary>The server's base address; the default is a local influxd.</summary>
    [Required]
    public Uri Url { get; set; } = new("http://127.0.0.1:8086");

    /// <summary>The write endpoint: 1.x <c>/write</c> (the default, and what the Debian 1.6.7 server has) or 2.x <c>/api/v2/write</c>.</summary>
    public InfluxApiVersion WriteApi { get; set; } = InfluxApiVersion.V1;

    /// <summary>The 1.x database: the write target for <see cref="InfluxApiVersion.V1"/> and the default database of queries.</summary>
    public string? Database { get; set; }

    /// <summary>The 1.x retention policy (<c>rp=</c>); the database's default policy when null.</summary>
    public string? RetentionPolicy { get; set; }

    /// <summary>1.x user; sent as HTTP Basic authentication (not as <c>u=</c>/<c>p=</c>, which end up in access logs).</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The 2.x organization (<c>org=</c>); 2.x OSS needs it, 3.x ignores it.</summary>
    public string? Organization { get; set; }

    /// <summary>The 2.x bucket: the write target for <see cref="InfluxApiVersion.V2"/>.</summary>
    public string? Bucket { get; set; }

    /// <summary>A 2.x/3.x API token, sent as <c>Authorization: Token …</c> on writes and queries.</summary>
    public string? Token { get; set; }

    /// <exception cref="InvalidOperationException">The combination cannot work (missing target, two kinds of credentials).</exception>
    public void Validate()
    {
        if (Url is null || !Url.IsAbsoluteUri)
        {
            throw new InvalidOperationException("InfluxConnectionOptions.Url must be an absolute http(s) address.");
        }

        if (WriteApi == InfluxApiVersion.V1 && string.IsNullOrEmpty(Database))
        {
            throw new InvalidOperationException("InfluxConnectionOptions.Database is required for the 1.x write API.");
        }

        if (WriteApi == InfluxApiVersion.V2 && string.IsNullOrEmpty(Bucket))
        {
            throw new InvalidOperationException("InfluxConnectionOptions.Bucket is required for the 2.x write API.");
        }

        if (!string.IsNullOrEmpty(Token) && !string.IsNullOrEmpty(Username))
        {
            throw new InvalidOperationException("Give either InfluxConnectionOptions.Token or Username/Password, not both.");
        }
    }
}
