namespace GreenCompute.EdgeAgent.Content;

/// <summary>The silo's content-addressed store as the agent sees it: inputs come down, outputs go up, both by SHA-256.</summary>
internal interface IContentClient
{
    /// <summary>Downloads <paramref name="sha256"/> into <paramref name="file"/>; throws when absent or when the bytes do not hash to it.</summary>
    Task DownloadAsync(string sha256, string file, CancellationToken cancellationToken);

    /// <summary>Uploads <paramref name="file"/> under its SHA-256 and returns that hash.</summary>
    Task<string> UploadAsync(string file, CancellationToken cancellationToken);
}
