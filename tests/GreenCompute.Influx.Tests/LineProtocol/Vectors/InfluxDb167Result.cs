using System.Text.Json;

namespace GreenCompute.Influx.Tests.LineProtocol.Vectors;

/// <summary>One corpus line written to a real InfluxDB 1.6.7 (corpus-vs-influxdb-1.6.7.json), with its read-back.</summary>
internal sealed record InfluxDb167Result(string Section, string Key, bool CorpusExpectsOk, int Status, JsonElement Readback)
{
    public bool Accepted => Status == 204;

    /// <summary>The first stored value of <paramref name="column"/>, as InfluxDB returned it.</summary>
    public JsonElement? ReadbackValue(string column)
    {
        if (Readback.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var series in Readback.GetProperty("results")[0].GetProperty("series").EnumerateArray())
        {
            var columns = series.GetProperty("columns").EnumerateArray().Select(c => c.GetString()).ToList();
            int index = columns.IndexOf(column);
            if (index >= 0)
            {
                return series.GetProperty("values")[0][index];
            }
        }

        return null;
    }
}
