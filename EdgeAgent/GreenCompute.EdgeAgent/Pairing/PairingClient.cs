using System.Net;
using System.Net.Http.Json;
using GreenCompute.EdgeAgent.Receipts;
using Microsoft.Extensions.Logging;

namespace GreenCompute.EdgeAgent.Pairing;

/// <summary>
/// The agent side of pairing: POST /api/v1/pairing/requests (202), then poll GET /api/v1/pairing/requests/{claimCode}
/// until "paired" (404 means the server forgot the request: post it again). Credentials are stored in the state folder
/// (credentials.json, 0600) and used from then on; the claim code is kept (claim.txt) so a restart shows the same one.
/// </summary>
internal sealed partial class PairingClient(HttpClient http, string stateFolder, TimeProvider time, ILogger logger)
{
    public const string CredentialsFile = "credentials.json";
    public const string ClaimFile = "claim.txt";

    public TimeSpan PollEvery { get; init; } = TimeSpan.FromSeconds(5);

    public static AgentCredentials? LoadCredentials(string stateFolder)
    {
        var file = Path.Combine(stateFolder, CredentialsFile);
        return File.Exists(file)
            ? System.Text.Json.JsonSerializer.Deserialize(File.ReadAllText(file), AgentJsonContext.Default.AgentCredentials)
            : null;
    }

    /// <summary>The claim code for this device (made and kept on first call).</summary>
    public string ClaimCodeFor()
    {
        var file = Path.Combine(stateFolder, ClaimFile);
        if (File.Exists(file) && File.ReadAllText(file).Trim() is var kept && ClaimCode.IsValid(kept))
        {
            return kept;
        }

        var code = ClaimCode.New();
        DeviceKeyStore.WriteSecret(file, code + "\n");
        return code;
    }

    /// <summary>Announces the device, waits until an installer pairs it, stores and returns the credentials.</summary>
    /// <remarks>An unreachable server is waited for (logged, retried every <see cref="PollEvery"/>); a refusal (4xx/5xx) ends pairing.</remarks>
    public async Task<AgentCredentials> PairAsync(PairingRequest request, CancellationToken cancellationToken)
    {
        var posted = false;
        while (true)
        {
            if (!posted)
            {
                posted = await Reachable(() => PostAsync(request, cancellationToken)).ConfigureAwait(false);
            }

            await Task.Delay(PollEvery, time, cancellationToken).ConfigureAwait(false);
            if (!posted)
            {
                continue;
            }

            HttpResponseMessage? polled = null;
            if (!await Reachable(async () => polled = await http.GetAsync(new Uri($"api/v1/pairing/requests/{request.ClaimCode}", UriKind.Relative),
                cancellationToken).ConfigureAwait(false)).ConfigureAwait(false))
            {
                continue;
            }

            using var response = polled!;
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                posted = false;
                continue;
            }

            response.EnsureSuccessStatusCode();
            var answer = await response.Content.ReadFromJsonAsync(AgentJsonContext.Default.PairingAnswer, cancellationToken).ConfigureAwait(false);
            if (answer?.Status != "paired")
            {
                continue;
            }

            var credentials = Validate(answer);
            DeviceKeyStore.WriteSecret(Path.Combine(stateFolder, CredentialsFile),
                System.Text.Json.JsonSerializer.Serialize(credentials, AgentJsonContext.Default.AgentCredentials));
            File.Delete(Path.Combine(stateFolder, ClaimFile));
            Paired(logger, credentials.NodeId, credentials.Host, credentials.Port);
            return credentials;
        }
    }

    private async Task<bool> Reachable(Func<Task> call)
    {
        try
        {
            await call().ConfigureAwait(false);
            return true;
        }
        catch (HttpRequestException error) when (error.StatusCode is null && error.HttpRequestError == HttpRequestError.ConnectionError)
        {
            Unreachable(logger, http.BaseAddress?.ToString() ?? "", error.Message);
            return false;
        }
    }

    private async Task PostAsync(PairingRequest request, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(new Uri("api/v1/pairing/requests", UriKind.Relative), request,
            AgentJsonContext.Default.PairingRequest, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new HttpRequestException(
                $"pairing server answered {(int)response.StatusCode} to the request (expected 202): {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
        }
    }

    private static AgentCredentials Validate(PairingAnswer answer)
    {
        var mqtt = answer.Mqtt;
        if (string.IsNullOrEmpty(answer.NodeId) || !Grains.Messaging.Topics.IsValidLevel(answer.NodeId) || mqtt?.Host is not { Length: > 0 } host
            || mqtt.Port is not (> 0 and <= 65535))
        {
            throw new InvalidDataException("pairing answer 'paired' lacks a valid nodeId or mqtt host/port");
        }

        return new AgentCredentials(answer.NodeId, answer.SiteId, answer.RoomId, host, mqtt.Port.Value, mqtt.Username, mqtt.Password);
    }

    [LoggerMessage(21, LogLevel.Warning, "Pairing server {Server} unreachable ({Reason}); retrying")]
    private static partial void Unreachable(ILogger logger, string server, string reason);

    [LoggerMessage(20, LogLevel.Information, "Paired as node {NodeId}; broker {Host}:{Port}")]
    private static partial void Paired(ILogger logger, string nodeId, string host, int port);
}
