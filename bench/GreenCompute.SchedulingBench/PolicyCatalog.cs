using GreenCompute.SchedulingBench.Oracle;
using GreenCompute.SchedulingBench.Policies;
using GreenCompute.SchedulingBench.Simulation;

namespace GreenCompute.SchedulingBench;

/// <summary>The schedulers by command-line key, in report order.</summary>
internal static class PolicyCatalog
{
    public static IReadOnlyList<string> Keys { get; } = ["ours", "thermostat", "fifo", "coldest", "edf", "cheapest", "oracle"];

    /// <summary>Accepted but not run by default: ours with the node order rotated every round (a diagnostic).</summary>
    public const string OursRotated = "ours-rotated";

    public static string Key(string value) =>
        Keys.Contains(value.ToLowerInvariant()) || value.Equals(OursRotated, StringComparison.OrdinalIgnoreCase)
            ? value.ToLowerInvariant()
            : throw new ArgumentException($"Unknown scheduler '{value}': choose from {string.Join(", ", Keys)} (or {OursRotated}).");

    public static IPolicy Create(string key) => key switch
    {
        "ours" => new GreenComputePolicy(),
        OursRotated => new GreenComputePolicy(rotateNodes: true),
        "thermostat" => new ThermostatPolicy(QueueOrder.Fifo),
        "fifo" => new FifoPolicy(),
        "coldest" => new ColdestFirstPolicy(),
        "edf" => new ThermostatPolicy(QueueOrder.EarliestDeadline),
        "cheapest" => new CheapestSlotsPolicy(),
        "oracle" => new OraclePolicy(),
        _ => throw new ArgumentException($"Unknown scheduler '{key}'."),
    };
}
