using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace GreenCompute.Cli;

/// <summary>
/// <c>gc-jobs jobs submit|list|get|cancel|results</c> against the REST API. The server and key come from --url and
/// --key, else GREENCOMPUTE_URL and GREENCOMPUTE_API_KEY. Exit codes: 0 done, 1 the API refused (its problem details
/// are printed), 2 bad usage.
/// </summary>
internal static class CliProgram
{
    public const string Usage = """
        Usage: gc-jobs jobs <command> [options]        (dotnet run --project Web/GreenCompute.Cli -- jobs list)
          jobs submit --name N --workload W --tasks N --cpu-seconds S --deadline 2017-10-23T06:00Z --max-price EUR_PER_MWH [--estimate]
          jobs list
          jobs get JOB_ID
          jobs cancel JOB_ID
          jobs results JOB_ID
        Options: --url URL (or GREENCOMPUTE_URL, default http://127.0.0.1:5080), --key KEY (or GREENCOMPUTE_API_KEY), --json
        """;

    private static readonly JsonSerializerOptions Pretty = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(string[] args, HttpClient http, Func<string, string?> environment, TextWriter output, TextWriter errors)
    {
        CliArguments parsed;
        try
        {
            parsed = CliArguments.Parse(args);
        }
        catch (ArgumentException e)
        {
            await errors.WriteLineAsync($"{e.Message}{Environment.NewLine}{Usage}");
            return 2;
        }

        if (parsed.Has("--help") || parsed.Positional.Count < 2 || parsed.Positional[0] != "jobs")
        {
            await (parsed.Has("--help") ? output : errors).WriteLineAsync(Usage);
            return parsed.Has("--help") ? 0 : 2;
        }

        var key = parsed["--key"] ?? environment("GREENCOMPUTE_API_KEY");
        if (string.IsNullOrWhiteSpace(key))
        {
            await errors.WriteLineAsync("No API key: pass --key or set GREENCOMPUTE_API_KEY (create one on the web page 'API keys').");
            return 2;
        }

        var baseUrl = (parsed["--url"] ?? environment("GREENCOMPUTE_URL") ?? "http://127.0.0.1:5080").TrimEnd('/');
        var verb = parsed.Positional[1];
        var id = parsed.Positional.Count > 2 ? Uri.EscapeDataString(parsed.Positional[2]) : null;
        if (verb is "get" or "cancel" or "results" && id is null)
        {
            await errors.WriteLineAsync($"jobs {verb} needs a job id.{Environment.NewLine}{Usage}");
            return 2;
        }

        using var request = verb switch
        {
            "submit" => Submit(parsed, baseUrl),
            "list" => new HttpRequestMessage(HttpMethod.Get, $"{baseUrl}/api/v1/jobs"),
            "get" => new HttpRequestMessage(HttpMethod.Get, $"{baseUrl}/api/v1/jobs/{id}"),
            "cancel" => new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}/api/v1/jobs/{id}/cancel"),
            "results" => new HttpRequestMessage(HttpMethod.Get, $"{baseUrl}/api/v1/jobs/{id}/results"),
            _ => null,
        };
        if (request is null)
        {
            await errors.WriteLineAsync($"Unknown command 'jobs {verb}'.{Environment.NewLine}{Usage}");
            return 2;
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var json = body.Length > 0 ? JsonDocument.Parse(body).RootElement.Clone() : default;
        if (!response.IsSuccessStatusCode)
        {
            await errors.WriteLineAsync(Problem((int)response.StatusCode, json));
            return 1;
        }

        await output.WriteLineAsync(parsed.Has("--json") || verb is "get" or "submit" or "cancel" ? JsonSerializer.Serialize(json, Pretty) : Table(verb, json));
        return 0;
    }

    private static HttpRequestMessage Submit(CliArguments a, string baseUrl)
    {
        static double? Number(string? text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
        // Unparsable values go as null: the server names the field in its problem details.
        var body = new
        {
            name = a["--name"],
            workload = a["--workload"],
            tasks = int.TryParse(a["--tasks"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) ? t : (int?)null,
            cpuSecondsPerTask = Number(a["--cpu-seconds"]),
            deadline = DateTimeOffset.TryParse(a["--deadline"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : (DateTimeOffset?)null,
            maxPriceEurPerMwh = Number(a["--max-price"]),
        };
        var path = a.Has("--estimate") ? "/api/v1/jobs/estimate" : "/api/v1/jobs";
        return new HttpRequestMessage(HttpMethod.Post, baseUrl + path) { Content = JsonContent.Create(body) };
    }

    private static string Table(string verb, JsonElement json)
    {
        var lines = new List<string>();
        foreach (var item in json.EnumerateArray())
        {
            lines.Add(verb == "results"
                ? $"{item.GetProperty("taskId").GetString()}  {item.GetProperty("outputSha256").GetString()}"
                : string.Create(CultureInfo.InvariantCulture,
                    $"{item.GetProperty("jobId").GetString()}  {item.GetProperty("state").GetString(),-9}  {item.GetProperty("progressPercent").GetDouble(),5:0.#}%  {item.GetProperty("tasksCompleted").GetInt32()}/{item.GetProperty("tasks").GetInt32()} tasks  {item.GetProperty("name").GetString()}"));
        }

        return lines.Count == 0 ? "(none)" : string.Join(Environment.NewLine, lines);
    }

    private static string Problem(int status, JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            return $"HTTP {status}" + (status == 401 ? ": the API key was not accepted" : "");
        }

        var text = $"HTTP {status}: {(json.TryGetProperty("title", out var title) ? title.GetString() : "error")}";
        if (json.TryGetProperty("detail", out var detail))
        {
            text += $" — {detail.GetString()}";
        }

        if (json.TryGetProperty("errors", out var fields))
        {
            foreach (var field in fields.EnumerateObject())
            {
                text += $"{Environment.NewLine}  {field.Name}: {string.Join("; ", field.Value.EnumerateArray().Select(e => e.GetString()))}";
            }
        }

        return text;
    }
}
