using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace GreenCompute.Influx.Embedded;

/// <summary>
/// The series of the store, held in memory (a fleet has hundreds to thousands) for tag filtering and retention.
/// The tag set is stored as a JSON object with keys in the points' order (sorted), which makes it a canonical key.
/// Not thread-safe: the store serialises access.
/// </summary>
internal sealed class SeriesCatalog
{
    private readonly Dictionary<(string Measurement, string Tags), SeriesEntry> _byKey = [];
    private readonly Dictionary<string, List<SeriesEntry>> _byMeasurement = new(StringComparer.Ordinal);

    public IEnumerable<SeriesEntry> All => _byKey.Values;

    public void Load(SqliteConnection connection)
    {
        _byKey.Clear();
        _byMeasurement.Clear();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, measurement, tags FROM series";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            Add(new SeriesEntry(reader.GetInt64(0), reader.GetString(1), ParseTags(reader.GetString(2))), reader.GetString(2));
        }
    }

    public SeriesEntry GetOrCreate(SqliteConnection connection, SqliteTransaction transaction, string measurement, IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        string tagsJson = FormatTags(tags);
        if (_byKey.TryGetValue((measurement, tagsJson), out var existing))
        {
            return existing;
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO series (measurement, tags) VALUES ($measurement, $tags) RETURNING id";
        insert.Parameters.AddWithValue("$measurement", measurement);
        insert.Parameters.AddWithValue("$tags", tagsJson);
        var entry = new SeriesEntry((long)insert.ExecuteScalar()!, measurement, tags.ToDictionary(StringComparer.Ordinal));
        Add(entry, tagsJson);
        return entry;
    }

    /// <summary>The series of <paramref name="measurement"/> carrying every tag value of <paramref name="filter"/>.</summary>
    public IEnumerable<SeriesEntry> Matching(string measurement, IReadOnlyDictionary<string, string> filter) =>
        _byMeasurement.TryGetValue(measurement, out var series)
            ? series.Where(entry => filter.All(tag => entry.Tags.TryGetValue(tag.Key, out string? value) && value == tag.Value))
            : [];

    private static string FormatTags(IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var tag in tags)
            {
                json.WriteString(tag.Key, tag.Value);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static Dictionary<string, string> ParseTags(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(tag => tag.Name, tag => tag.Value.GetString()!, StringComparer.Ordinal);
    }

    private void Add(SeriesEntry entry, string tagsJson)
    {
        _byKey[(entry.Measurement, tagsJson)] = entry;
        if (!_byMeasurement.TryGetValue(entry.Measurement, out var list))
        {
            list = [];
            _byMeasurement[entry.Measurement] = list;
        }

        list.Add(entry);
    }
}
