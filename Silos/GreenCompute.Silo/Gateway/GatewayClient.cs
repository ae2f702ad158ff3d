using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using GreenCompute.Silo.History;

namespace GreenCompute.Silo.Gateway;

/// <summary>
/// A web host's side of the gateway: grain calls, facts, history, device registration and the long-polled step
/// count, each with a timeout. A silo that does not answer, or refuses the token, is a
/// <see cref="SiloUnreachableException"/>; a grain's <see cref="ArgumentException"/> or
/// <see cref="InvalidOperationException"/> comes back as the same type with its message.
/// </summary>
internal sealed class GatewayClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;

    public GatewayClient(Uri baseAddress, GatewayToken token, TimeSpan timeout)
    {
        _timeout = timeout;
        _http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = timeout }) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
    }

    public Uri BaseAddress => _http.BaseAddress!;

    /// <summary>Calls <paramref name="method"/> of the grain <paramref name="grainInterface"/>/<paramref name="key"/>; the result is null for a plain Task.</summary>
    public Task<object?> CallGrainAsync(Type grainInterface, string key, MethodInfo method, object?[] arguments, CancellationToken ct = default)
    {
        var parameters = method.GetParameters();
        var array = new JsonArray();
        for (var i = 0; i < parameters.Length; i++)
        {
            array.Add(JsonSerializer.SerializeToNode(arguments[i], parameters[i].ParameterType, GatewayJson.Options));
        }

        var path = $"gateway/v1/grains/{Uri.EscapeDataString(grainInterface.FullName!)}/{Uri.EscapeDataString(key)}/{Uri.EscapeDataString(method.Name)}";
        var resultType = method.ReturnType.IsGenericType ? method.ReturnType.GetGenericArguments()[0] : null;
        return SendAsync(HttpMethod.Post, path, array, resultType, _timeout, ct);
    }

    public async Task<SiloInfo> GetInfoAsync(CancellationToken ct = default) =>
        (SiloInfo)(await SendAsync(HttpMethod.Get, "gateway/v1/silo", null, typeof(SiloInfo), _timeout, ct).ConfigureAwait(false))!;

    /// <summary>Waits (long poll) until the silo has taken more than <paramref name="after"/> steps, or the gateway's hold ran out.</summary>
    public async Task<SiloClock> WaitForStepAsync(long after, CancellationToken ct = default) =>
        (SiloClock)(await SendAsync(HttpMethod.Get, $"gateway/v1/ticks?after={after}", null, typeof(SiloClock), GatewayEndpoints.TicksHold + _timeout, ct).ConfigureAwait(false))!;

    public async Task<RoomChart> RoomChartAsync(RoomChartRequest request, CancellationToken ct = default) =>
        (RoomChart)(await SendAsync(HttpMethod.Post, "gateway/v1/history/room-chart", request, typeof(RoomChart), _timeout, ct).ConfigureAwait(false))!;

    public async Task<IReadOnlyList<DailyEnergy>> DailyEnergyAsync(DailyEnergyRequest request, CancellationToken ct = default) =>
        (List<DailyEnergy>)(await SendAsync(HttpMethod.Post, "gateway/v1/history/daily-energy", request, typeof(List<DailyEnergy>), _timeout, ct).ConfigureAwait(false))!;

    public Task RegisterDeviceAsync(DeviceRegistrationRequest request, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, "gateway/v1/devices", request, null, _timeout, ct);

    public void Dispose() => _http.Dispose();

    private async Task<object?> SendAsync(HttpMethod verb, string path, object? body, Type? resultType, TimeSpan timeout, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            using var request = new HttpRequestMessage(verb, path);
            if (body is not null)
            {
                request.Content = JsonContent.Create(body, body.GetType(), options: GatewayJson.Options);
            }

            using var response = await _http.SendAsync(request, deadline.Token).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new SiloUnreachableException($"The silo at {BaseAddress} refused this web host's gateway token (check --silo-token-file).");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw await ProblemAsync(response, deadline.Token).ConfigureAwait(false);
            }

            return resultType is null || response.StatusCode == HttpStatusCode.NoContent
                ? null
                : await response.Content.ReadFromJsonAsync(resultType, GatewayJson.Options, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new SiloUnreachableException($"The silo at {BaseAddress} is unreachable: {e.Message}", e);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new SiloUnreachableException($"The silo at {BaseAddress} did not answer within {timeout.TotalSeconds:0.#} s.", e);
        }
    }

    private static async Task<Exception> ProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        string? title = null, detail = null, type = null;
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
            title = Text(problem.RootElement, "title");
            detail = Text(problem.RootElement, "detail");
            type = Text(problem.RootElement, "exceptionType");
        }
        catch (JsonException)
        {
            // Not problem details: the status says enough.
        }

        var message = detail ?? title ?? $"The gateway answered {status}.";
        return type switch
        {
            "System.ArgumentException" or "System.ArgumentOutOfRangeException" or "System.ArgumentNullException" => new ArgumentException(message),
            "System.InvalidOperationException" => new InvalidOperationException(message),
            _ => new GrainCallException(status, type, message),
        };
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
