using System.IO.Compression;
using System.Net;
using System.Text;
using System.Threading.Channels;

namespace GreenCompute.Influx.Tests.Fixtures;

/// <summary>
/// The lowest seam of the writer: an HTTP handler that answers with a script and records every request (body
/// decompressed) for the test to read in order.
/// </summary>
internal sealed class ScriptedHandler(Func<RecordedRequest, HttpResponseMessage> respond) : HttpMessageHandler
{
    private readonly Channel<RecordedRequest> _requests = Channel.CreateUnbounded<RecordedRequest>();
    private int _count;

    public int RequestCount => Volatile.Read(ref _count);

    public static HttpResponseMessage Answer(HttpStatusCode status, string? json = null)
    {
        var response = new HttpResponseMessage(status);
        if (json is not null)
        {
            response.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return response;
    }

    public Task<RecordedRequest> NextRequestAsync(string what) =>
        Waits.For(_requests.Reader.ReadAsync().AsTask(), what);

    public bool TryTakeRequest(out RecordedRequest? request) => _requests.Reader.TryRead(out request);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        byte[] raw = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        bool gzipped = request.Content?.Headers.ContentEncoding.Contains("gzip") == true;
        string body = Encoding.UTF8.GetString(gzipped ? Gunzip(raw) : raw);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), gzipped, body);
        Interlocked.Increment(ref _count);
        _requests.Writer.TryWrite(recorded);
        return respond(recorded);
    }

    private static byte[] Gunzip(byte[] compressed)
    {
        using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
