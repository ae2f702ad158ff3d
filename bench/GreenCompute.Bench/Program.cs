using GreenCompute.Bench;

// Usage: dotnet run -c Release --project bench/GreenCompute.Bench -- [grains|planning|scheduling|influx|ledger|mqtt|ingest|all]
var which = args.Length > 0 ? args[0] : "all";
var benches = new Dictionary<string, Func<Task>>
{
    ["grains"] = GrainHostBench.RunAsync,
    ["planning"] = PlanningBench.RunAsync,
    ["scheduling"] = () => GreenCompute.SchedulingBench.SchedulingBenchmark.RunAsync(which == "scheduling" ? [.. args.Skip(1)] : ["--quick"]),
    ["influx"] = InfluxBench.RunAsync,
    ["ledger"] = LedgerBench.RunAsync,
    ["mqtt"] = GreenCompute.Bench.Mqtt.MqttBench.RunAsync,
    ["ingest"] = GreenCompute.Bench.Mqtt.IngestBench.RunAsync,
};

if (which == "all")
{
    foreach (var bench in benches.Values)
    {
        await bench();
    }
}
else if (benches.TryGetValue(which, out var run))
{
    await run();
}
else
{
    Console.Error.WriteLine($"Unknown benchmark '{which}'. Choose one of: all, {string.Join(", ", benches.Keys)}.");
    return 2;
}

return 0;
