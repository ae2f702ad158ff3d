using System.Globalization;

namespace GreenCompute.SchedulingBench;

/// <summary>
/// Command-line options of the scheduling benchmark. The full matrix is the issue's: DE, BE and FR, loads 30/60/90 %,
/// s ∈ {1.5, 3, 10}, the full 70-day window; <c>--quick</c> is 14 days of DE and BE at 60 % load and s = 3.
/// </summary>
internal sealed record BenchOptions
{
    public const string Usage =
        "scheduling [--quick] [--data <folder>] [--scenarios DE,BE,FR] [--loads 0.3,0.6,0.9] [--slack 1.5,3,10] " +
        "[--days <n>] [--schedulers ours,thermostat,fifo,coldest,edf,cheapest,oracle] [--out <folder>] " +
        "[--step <seconds>] [--min-slack <minutes>] [--parallel <n>] [--chart-room <index>]";

    public string? DataFolder { get; init; }

    public IReadOnlyList<string> Scenarios { get; init; } = ["DE", "BE", "FR"];

    public IReadOnlyList<double> Loads { get; init; } = [0.3, 0.6, 0.9];

    public IReadOnlyList<double> Slacks { get; init; } = [1.5, 3, 10];

    /// <summary>Days simulated from each market window's start (at most 70).</summary>
    public double Days { get; init; } = 70;

    public IReadOnlyList<string> Schedulers { get; init; } = PolicyCatalog.Keys;

    public string? OutputFolder { get; init; }

    /// <summary>Physics step; the sensor-offset estimator needs readings at most 3 min apart.</summary>
    public TimeSpan Step { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Deadline = submit + max(s × run time, run time + this): the silo's 30 min (two planning rounds).</summary>
    public TimeSpan MinimumSlack { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Runs of one configuration simulated at once.</summary>
    public int Parallel { get; init; } = 1;

    /// <summary>The room drawn in the charts (fleet index).</summary>
    public int ChartRoom { get; init; }

    public bool Quick { get; init; }

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new BenchOptions();
        if (args.Contains("--quick"))
        {
            options = options with { Quick = true, Days = 14, Scenarios = ["DE", "BE"], Loads = [0.6], Slacks = [3] };
        }

        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--quick")
            {
                continue;
            }

            if (!name.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Unexpected argument '{name}'. Usage: {Usage}");
            }

            var value = args[++i];
            options = name switch
            {
                "--data" => options with { DataFolder = value },
                "--scenarios" => options with { Scenarios = List(value, v => v.ToUpperInvariant()) },
                "--loads" => options with { Loads = List(value, Number) },
                "--slack" => options with { Slacks = List(value, Number) },
                "--days" => options with { Days = Number(value) },
                "--schedulers" => options with { Schedulers = List(value, PolicyCatalog.Key) },
                "--out" => options with { OutputFolder = value },
                "--step" => options with { Step = TimeSpan.FromSeconds(Number(value)) },
                "--min-slack" => options with { MinimumSlack = TimeSpan.FromMinutes(Number(value)) },
                "--parallel" => options with { Parallel = (int)Number(value) },
                "--chart-room" => options with { ChartRoom = (int)Number(value) },
                _ => throw new ArgumentException($"Unknown option '{name}'. Usage: {Usage}"),
            };
        }

        return options.Validate();
    }

    private BenchOptions Validate()
    {
        if (!(Days > 0) || Days > 70)
        {
            throw new ArgumentException($"--days must be in (0, 70] (the price windows are 70 days); got {Days}.");
        }

        if (Loads.Any(l => !(l > 0) || l > 1.5) || Slacks.Any(s => !(s >= 1)))
        {
            throw new ArgumentException("--loads must be fractions in (0, 1.5] and --slack values ≥ 1.");
        }

        if (Step <= TimeSpan.Zero || Step > TimeSpan.FromMinutes(3) || TimeSpan.FromMinutes(15).Ticks % Step.Ticks != 0)
        {
            throw new ArgumentException("--step must divide 15 min and be at most 180 s (the sensor-offset estimator needs readings ≤ 3 min apart).");
        }

        if (Parallel < 1 || ChartRoom < 0 || Schedulers.Count == 0 || Scenarios.Count == 0)
        {
            throw new ArgumentException("--parallel must be ≥ 1, --chart-room ≥ 0, and at least one scheduler and scenario given.");
        }

        return this;
    }

    private static IReadOnlyList<T> List<T>(string value, Func<string, T> parse) =>
        [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(parse)];

    private static double Number(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"'{value}' is not a number.");
}
