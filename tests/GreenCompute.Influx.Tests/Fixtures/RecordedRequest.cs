namespace GreenCompute.Influx.Tests.Fixtures;

internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, bool Gzipped, string Body)
{
    public string[] Lines => Body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
