using System.Text.Json;
using GreenCompute.Influx.LineProtocol;

namespace GreenCompute.Influx.Querying;

/// <summary>
/// Reads the <c>/query</c> JSON: <c>{"results":[{"statement_id":0,"series":[{"name","tags","columns","values"}],
/// "messages":[…],"error":"…"}]}</c>. Several JSON documents one per line (chunked answers) are merged.
/// </summary>
internal static class QueryResponseParser
{
    /// <exception cref="InfluxQueryException">A statement failed, or the text is not a query answer.</exception>
    public static InfluxQueryResult Parse(string body, WritePrecision epoch)
    {
        var statements = new SortedDictionary<int, (List<InfluxSeries> Series, List<string> Messages)>();
        try
        {
            foreach (string document in body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                using var json = JsonDocument.Parse(document);
                ReadDocument(json.RootElement, epoch, statements);
            }
        }
        catch (JsonException e)
        {
            throw new InfluxQueryException($"The query answer is not JSON: {e.Message}", 200, null, body, e);
        }

        return new InfluxQueryResult([.. statements.Select(pair => new InfluxStatementResult(pair.Key, pair.Value.Series, pair.Value.Messages))]);
    }

    private static void ReadDocument(
        JsonElement root,
        WritePrecision epoch,
        SortedDictionary<int, (List<InfluxSeries> Series, List<string> Messages)> statements)
    {
        if (root.TryGetProperty("error", out var topError))
        {
            string message = topError.GetString() ?? "";
            throw new InfluxQueryException($"InfluxDB query failed: {message}", 200, null, message);
        }

        foreach (var result in root.GetProperty("results").EnumerateArray())
        {
            int id = result.TryGetProperty("statement_id", out var idElement) ? idElement.GetInt32() : statements.Count;
            if (result.TryGetProperty("error", out var error))
            {
                string message = error.GetString() ?? "";
                throw new InfluxQueryException($"InfluxDB statement {id} failed: {message}", 200, id, message);
            }

            if (!statements.TryGetValue(id, out var statement))
            {
                statement = ([], []);
                statements[id] = statement;
            }

            if (result.TryGetProperty("series", out var series))
            {
                statement.Series.AddRange(series.EnumerateArray().Select(element => ReadSeries(element, epoch)));
            }

            if (result.TryGetProperty("messages", out var messages))
            {
                statement.Messages.AddRange(messages.EnumerateArray().Select(message =>
                    message.TryGetProperty("text", out var text) ? text.GetString() ?? "" : message.GetRawText()));
            }
        }
    }

    private static InfluxSeries ReadSeries(JsonElement element, WritePrecision epoch)
    {
        string name = element.TryGetProperty("name", out var nameElement) ? nameElement.GetString() ?? "" : "";
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element.TryGetProperty("tags", out var tagsElement))
        {
            foreach (var tag in tagsElement.EnumerateObject())
            {
                tags[tag.Name] = tag.Value.GetString() ?? "";
            }
        }

        var columns = element.TryGetProperty("columns", out var columnsElement)
            ? columnsElement.EnumerateArray().Select(column => column.GetString() ?? "").ToArray()
            : [];
        bool partial = element.TryGetProperty("partial", out var partialElement) && partialElement.ValueKind == JsonValueKind.True;
        var series = new InfluxSeries(name, tags, columns, partial);
        if (element.TryGetProperty("values", out var values))
        {
            series.Rows = [.. values.EnumerateArray().Select(row => new InfluxRow(series, [.. row.EnumerateArray().Select(ReadValue)], epoch))];
        }

        return series;
    }

    internal static InfluxValue ReadValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => InfluxValue.Null,
        JsonValueKind.True => InfluxValue.FromBoolean(true),
        JsonValueKind.False => InfluxValue.FromBoolean(false),
        JsonValueKind.String => InfluxValue.FromString(value.GetString()!),
        JsonValueKind.Number when IsIntegerText(value) && value.TryGetInt64(out long integer) => InfluxValue.FromInt64(integer),
        JsonValueKind.Number => InfluxValue.FromDouble(value.GetDouble()),
        _ => InfluxValue.FromString(value.GetRawText()),
    };

    private static bool IsIntegerText(JsonElement number) => number.GetRawText().AsSpan().IndexOfAny(".eE") < 0;
}
