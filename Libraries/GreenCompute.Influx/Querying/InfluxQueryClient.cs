using System.Net.Http.Headers;
using GreenCompute.Influx.Http;
using GreenCompute.Influx.LineProtocol;

namespace GreenCompute.Influx.Querying;

/// <summary>
/// InfluxQL over the 1.x <c>/query</c> endpoint, which 2.x (1.8+) and 3.x also serve for compatibility (with
/// <see cref="InfluxConnectionOptions.Token"/> as <c>Authorization: Token …</c>). Times are requested as integers in
/// <see cref="Epoch"/> units. Every failure — an HTTP error status, or a statement error inside a 200 answer — is
/// an <see cref="InfluxQueryException"/>.
/// </summary>
public sealed class InfluxQueryClient(HttpClient http, InfluxConnectionOptions connection)
{
    /// <summary>The unit of the <c>time</c> column in answers (<c>epoch=</c>); nanoseconds by default.</summary>
    public WritePrecision Epoch { get; init; } = WritePrecision.Nanoseconds;

    /// <summary>Runs read-only statements (<c>SELECT</c>, <c>SHOW</c>) with GET against <see cref="InfluxConnectionOptions.Database"/>.</summary>
    public Task<InfluxQueryResult> QueryAsync(string influxQl, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, influxQl, connection.Database, cancellationToken);

    /// <summary>Runs read-only statements with GET against <paramref name="database"/>.</summary>
    public Task<InfluxQueryResult> QueryAsync(string influxQl, string? database, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, influxQl, database, cancellationToken);

    /// <summary>Runs statements with POST, which 1.x requires for those that change something (<c>CREATE DATABASE</c>, <c>DROP</c>, <c>SELECT … INTO</c>).</summary>
    public Task<InfluxQueryResult> ExecuteAsync(string influxQl, string? database = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, influxQl, database ?? connection.Database, cancellationToken);

    private async Task<InfluxQueryResult> SendAsync(HttpMethod method, string influxQl, string? database, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(influxQl);
        string epoch = Epoch.ToV1QueryValue();
        using var request = method == HttpMethod.Get
            ? new HttpRequestMessage(method, InfluxHttp.BuildUri(connection.Url, "/query", ("db", database), ("epoch", epoch), ("q", influxQl)))
            : new HttpRequestMessage(method, InfluxHttp.BuildUri(connection.Url, "/query", ("db", database), ("epoch", epoch)))
            {
                Content = new FormUrlEncodedContent([new("q", influxQl)]),
            };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        InfluxHttp.Authorize(request, connection);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new InfluxQueryException($"InfluxDB at {connection.Url} could not be reached: {e.Message}", null, null, e.Message, e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                string message = await InfluxHttp.ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
                int status = (int)response.StatusCode;
                throw new InfluxQueryException($"InfluxDB refused the query (HTTP {status}): {message}", status, null, message);
            }

            string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return QueryResponseParser.Parse(body, Epoch);
        }
    }
}
