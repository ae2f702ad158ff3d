using System.Collections.Immutable;

namespace GreenCompute.Core.Model;

/// <summary>
/// A building (the site grain's key) in one electricity price zone (e.g. "BE", "DE-LU"), with its rooms.
/// Every room must name this site as its <see cref="Room.SiteId"/>, and room ids are unique.
/// </summary>
public sealed record Site
{
    public Site(string id, string name, string priceZone, ImmutableArray<Room> rooms)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(priceZone);
        rooms = rooms.IsDefault ? [] : rooms;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var room in rooms)
        {
            if (room.SiteId != id)
            {
                throw new ArgumentException(
                    $"Room '{room.Id}' belongs to site '{room.SiteId}', not '{id}': set its SiteId to '{id}'.",
                    nameof(rooms));
            }

            if (!seen.Add(room.Id))
            {
                throw new ArgumentException($"Room id '{room.Id}' appears twice in site '{id}': give each room its own id.", nameof(rooms));
            }
        }

        Id = id;
        Name = name;
        PriceZone = priceZone;
        Rooms = rooms;
    }

    public string Id { get; }

    public string Name { get; }

    public string PriceZone { get; }

    public ImmutableArray<Room> Rooms { get; }
}
