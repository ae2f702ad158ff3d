using System.Security.Cryptography;

namespace GreenCompute.Silo.Content;

/// <summary>
/// Task inputs and outputs by SHA-256 in a folder (<c>{root}/ab/abcdef…</c>). A write streams to a temp file while
/// hashing, is fsynced, and is renamed into place only when its bytes hash to the name it was sent under: a reader never
/// sees a partial or wrong file, and a failed or refused upload changes nothing. Content is immutable, so writing a name
/// that exists is a no-op.
/// </summary>
public sealed class ContentStore
{
    /// <summary>Largest accepted upload (bytes): 1 GiB unless set.</summary>
    public long MaxBytes { get; init; } = 1L << 30;

    private readonly string _root;

    public ContentStore(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(Path.Combine(_root, "tmp"));
    }

    public string Root => _root;

    /// <summary>A content name: 64 hex digits (lowercase is canonical; uppercase is accepted and folded).</summary>
    public static bool IsValidName(string? sha256) => sha256 is { Length: 64 } && sha256.All(char.IsAsciiHexDigit);

    /// <summary>The file holding <paramref name="sha256"/>, or null when absent.</summary>
    public FileInfo? Find(string sha256)
    {
        var file = new FileInfo(PathOf(sha256));
        return file.Exists ? file : null;
    }

    /// <summary>Stores <paramref name="body"/> under <paramref name="sha256"/> if its bytes hash to it.</summary>
    public async Task<ContentWrite> PutAsync(string sha256, Stream body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!IsValidName(sha256))
        {
            return ContentWrite.BadName;
        }

        var name = sha256.ToLowerInvariant();
        var temp = Path.Combine(_root, "tmp", $"{name}.{Guid.NewGuid():N}");
        try
        {
            string actual;
            long length = 0;
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                    if (length > MaxBytes)
                    {
                        return ContentWrite.TooLarge;
                    }

                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }

                actual = Convert.ToHexStringLower(hash.GetHashAndReset());
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                output.Flush(flushToDisk: true);
            }

            if (actual != name)
            {
                return ContentWrite.Mismatch(actual);
            }

            var target = PathOf(name);
            if (File.Exists(target))
            {
                return ContentWrite.AlreadyPresent;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(temp, target, overwrite: true);
            return ContentWrite.Stored;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private string PathOf(string sha256)
    {
        var name = sha256.ToLowerInvariant();
        return Path.Combine(_root, name[..2], name);
    }
}
