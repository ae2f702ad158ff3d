using System.IO.Compression;
using System.Net.Http.Headers;
using GreenCompute.Influx.Http;
using GreenCompute.Influx.LineProtocol;

namespace GreenCompute.Influx.Writing;

/// <summary>Posts one batch to the configured write endpoint and classifies the answer; never throws for server or network trouble.</summary>
internal sealed class BatchSender(HttpClient http, InfluxConnectionOptions connection, bool gzip, TimeProvider time)
{
    private const int GzipThresholdBytes = 512;

    public async Task<WriteOutcome> SendAsync(BufferedBatch batch, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WriteUri(batch.Precision)) { Content = Body(batch) };
        InfluxHttp.Authorize(request, connection);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return WriteOutcome.Delivered;
            }

            string message = await InfluxHttp.ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
            int status = (int)response.StatusCode;
            return new WriteOutcome(
                WriteOutcome.Classify(status, message),
                status,
                message,
                RetryDelay.FromHeader(response, time.GetUtcNow()));
        }
        catch (Exception e) when (e is HttpRequestException or IOException ||
            (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Connection refused or reset, DNS, or HttpClient.Timeout: the server may get the batch next time.
            return new WriteOutcome(WriteOutcomeKind.ServerUnavailable, Message: e.Message, Exception: e);
        }
    }

    internal Uri WriteUri(WritePrecision precision) => connection.WriteApi == InfluxApiVersion.V2
        ? InfluxHttp.BuildUri(
            connection.Url,
            "/api/v2/write",
            ("org", connection.Organization),
            ("bucket", connection.Bucket),
            ("precision", precision.ToV2QueryValue()))
        : InfluxHttp.BuildUri(
            connection.Url,
            "/write",
            ("db", connection.Database),
            ("rp", connection.RetentionPolicy),
            ("precision", precision.ToV1QueryValue()));

    private ByteArrayContent Body(BufferedBatch batch)
    {
        var body = new byte[batch.Bytes];
        int offset = 0;
        foreach (byte[] line in batch.Lines)
        {
            line.CopyTo(body, offset);
            offset += line.Length;
            body[offset++] = (byte)'\n';
        }

        ByteArrayContent content;
        if (gzip && body.Length >= GzipThresholdBytes)
        {
            using var compressed = new MemoryStream(body.Length / 4);
            using (var zip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                zip.Write(body);
            }

            content = new ByteArrayContent(compressed.ToArray());
            content.Headers.ContentEncoding.Add("gzip");
        }
        else
        {
            content = new ByteArrayContent(body);
        }

        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        return content;
    }
}
