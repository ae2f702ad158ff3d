using System.Collections.Immutable;
using GreenCompute.Core.Model;

namespace GreenCompute.Silo.Gateway;

/// <summary>
/// What a web host needs to know of a silo beside its grains: the price zone, the buildings and simulated rooms, the
/// heater model bills are priced on, and each building's host payout address (0x…, lower case).
/// </summary>
internal sealed record SiloInfo(
    string Zone,
    ImmutableArray<string> SiteIds,
    ImmutableArray<string> NodeIds,
    HeaterSpec Heater,
    ImmutableDictionary<string, string> HostAddresses);
