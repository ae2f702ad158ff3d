using System.Security.Cryptography;
using System.Text;

namespace GreenCompute.Silo.Gateway;

/// <summary>
/// The gateway's shared secret: a bearer token kept in a file that both the silo and its web hosts read. The silo
/// writes a new random token (owner-only file) when the file does not exist yet.
/// </summary>
internal sealed class GatewayToken
{
    /// <summary>Where both sides look when no file is named: the current folder.</summary>
    public const string DefaultFile = "greencompute-gateway.token";

    private const int MinimumLength = 16;

    private readonly byte[] _hash;

    public GatewayToken(string value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length < MinimumLength)
        {
            throw new ArgumentException($"A gateway token has at least {MinimumLength} characters.", nameof(value));
        }

        Value = value.Trim();
        _hash = SHA256.HashData(Encoding.UTF8.GetBytes(Value));
    }

    public string Value { get; }

    /// <summary>Reads the token from <paramref name="path"/>; throws <see cref="IOException"/> or <see cref="ArgumentException"/> naming the problem.</summary>
    public static GatewayToken Read(string path) => new(File.ReadAllText(path));

    /// <summary>Reads the file, or creates it with a new random token (readable by the owner only) when it does not exist.</summary>
    public static GatewayToken ReadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return Read(path);
        }

        var token = new GatewayToken(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, new UTF8Encoding(false), options))
        {
            writer.WriteLine(token.Value);
        }

        return token;
    }

    /// <summary>Compares an <c>Authorization</c> header value in constant time (hashes of equal length).</summary>
    public bool Accepts(string? authorization)
    {
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var offered = SHA256.HashData(Encoding.UTF8.GetBytes(authorization[scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(offered, _hash);
    }
}
