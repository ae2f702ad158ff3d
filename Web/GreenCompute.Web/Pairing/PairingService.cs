using System.Security.Cryptography;
using System.Text;
using GreenCompute.Core.Comfort;
using GreenCompute.Core.Ledger;
using GreenCompute.Core.Model;
using GreenCompute.Core.Thermal;
using GreenCompute.Core.Units;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Grains.Nodes;
using GreenCompute.Web.Hosting;

namespace GreenCompute.Web.Pairing;

/// <summary>
/// Installer pairing, server side: agents ask with a claim code; an installer assigns the code to a site and room,
/// which creates the node grain, adds it to its site and the scheduler, pairs the device's signing address with the
/// ledger (and the on-chain registry when a chain runs), and makes the device's MQTT account; the agent then fetches
/// where it is and its broker password (once).
/// </summary>
internal sealed class PairingService(PairingStore store, ISiloAccess silo, MqttEndpoint mqtt, TimeProvider time, FleetTicks ticks, Fleet.FleetIndex fleet)
{
    public const int MaxRoomNameLength = 60;

    public enum RequestOutcome { Accepted, Invalid, Conflict }

    public (RequestOutcome Outcome, Dictionary<string, string[]> Errors) Request(PairingRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var code = ClaimCodes.Normalize(request.ClaimCode);
        if (code is null)
        {
            errors["claimCode"] = ["give the claim code the agent prints, groups of 4 letters or digits joined by '-' (e.g. 7K3Q-M9XP)"];
        }

        if (!ClaimCodes.IsDeviceAddress(request.DeviceAddress))
        {
            errors["deviceAddress"] = ["give the device's signing address: 0x and 40 hex digits"];
        }

        if (request.Cores is not (>= 1 and <= 1024))
        {
            errors["cores"] = ["give the number of cores, 1 to 1024"];
        }

        if (request.MaxPowerW is not { } power || !double.IsFinite(power) || power is <= 0 or > 10_000)
        {
            errors["maxPowerW"] = ["give the heater's maximum power in W, above 0 and at most 10000"];
        }

        if (string.IsNullOrWhiteSpace(request.AgentVersion) || request.AgentVersion.Length > 64)
        {
            errors["agentVersion"] = ["give the agent's version (1 to 64 characters)"];
        }

        if (errors.Count > 0)
        {
            return (RequestOutcome.Invalid, errors);
        }

        var address = request.DeviceAddress!.ToLowerInvariant();
        var record = new PairingRecord(code!, address, request.Cores!.Value, request.MaxPowerW!.Value, request.AgentVersion!.Trim(), time.GetUtcNow(),
            null, null, null, null, null, false);
        if (store.TryAdd(record))
        {
            return (RequestOutcome.Accepted, errors);
        }

        // The same agent asking again is fine; another device with the same code is not.
        return store.Find(code!)!.DeviceAddress == address ? (RequestOutcome.Accepted, errors) : (RequestOutcome.Conflict, errors);
    }

    /// <summary>The status for the agent, or null for an unknown code. The broker password comes out once.</summary>
    public PairingStatus? Poll(string claimCode)
    {
        if (ClaimCodes.Normalize(claimCode) is not { } code || store.Find(code) is not { } record)
        {
            return null;
        }

        if (!record.Paired)
        {
            return new PairingStatus("pending");
        }

        var password = store.TakePassword(code);
        return new PairingStatus("paired", record.NodeId, record.SiteId, record.RoomId, new MqttCredentials(mqtt.Host, mqtt.Port, record.NodeId!, password));
    }

    /// <summary>Assigns a pending code to a site and a new room; the problems by field when it cannot (nothing changed then).</summary>
    public async Task<(PairingRecord? Record, Dictionary<string, string> Errors)> AssignAsync(string? claimCode, string? siteId, string? roomName)
    {
        var errors = new Dictionary<string, string>();
        var code = ClaimCodes.Normalize(claimCode);
        var record = code is null ? null : store.Find(code);
        if (code is null)
        {
            errors["ClaimCode"] = "Type the code the agent shows (e.g. 7K3Q-M9XP), or scan its QR code.";
        }
        else if (record is null)
        {
            errors["ClaimCode"] = "No agent has asked to pair with this code yet: check the code, and that the agent is running and online.";
        }
        else if (record.Paired)
        {
            errors["ClaimCode"] = $"This code is already paired (node {record.NodeId}).";
        }

        if (siteId is null || !silo.SiteIds.Contains(siteId))
        {
            errors["SiteId"] = "Choose the building.";
        }

        var room = roomName?.Trim();
        if (string.IsNullOrEmpty(room) || room.Length > MaxRoomNameLength || room.Any(char.IsControl))
        {
            errors["RoomName"] = $"Name the room (1 to {MaxRoomNameLength} characters).";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var site = await silo.Site(siteId!).GetRegistration();
        var nodeId = $"{siteId}-d{record!.DeviceAddress[2..10]}";
        var host = silo.HostOf(siteId!);
        // The ledger is the one step that can refuse (a device key already paired elsewhere): first, so a refusal changes nothing.
        if (await silo.Ledger.Pair(new NodeAccount(nodeId, record.DeviceAddress, host.ToString().ToLowerInvariant(), site.PriceZone)) is { } problem)
        {
            errors["ClaimCode"] = $"The ledger refused this device: {problem}";
            return (null, errors);
        }

        await silo.RegisterDeviceAsync(nodeId, Address.Parse(record.DeviceAddress), host);
        var comfort = site.NodeIds.Length > 0
            ? await silo.Node(site.NodeIds[0]).GetComfortSchedule()
            : ComfortScheduleDefinition.From(ComfortSchedule.Default(TimeSpan.FromMinutes(site.UtcOffsetMinutes)));
        var heater = new HeaterSpec(record.Cores, new Watts(Math.Min(80, record.MaxPowerWatts / 10)), new Watts(record.MaxPowerWatts));
        await silo.Node(nodeId).Register(new NodeRegistration(nodeId, site.SiteId, nodeId, room!, heater, comfort, RoomThermalModel.Default));
        var updated = site with { NodeIds = [.. site.NodeIds, nodeId] };
        await silo.Site(site.SiteId).Register(updated);
        await silo.Scheduler.RegisterSite(updated);
        // Live views of the site follow the new room at once; the fleet table and site counts read it again.
        ticks.Locate(nodeId, site.SiteId);
        fleet.Invalidate();

        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        store.TryAssign(code!, nodeId, site.SiteId, nodeId, password, HashPassword(password));
        return (store.Find(code!), errors);
    }

    /// <summary>Broker passwords are 192 random bits: a SHA-256 is enough (no slow hash needed for such entropy).</summary>
    public static string HashPassword(string password) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(password)));
}
