using System.Globalization;
using GreenCompute.Silo.Configuration;
using GreenCompute.Silo.Gateway;
using GreenCompute.Silo.Reporting;
using GreenCompute.Silo.Simulation;

namespace GreenCompute.Silo;

/// <summary>The main job: the silo with a simulated fleet on real weather and prices, a live summary, a final report.</summary>
internal static class SiloProgram
{
    /// <summary>Runs the silo; <paramref name="stopRequested"/> acts like Ctrl+C (tests run the program in their process).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken stopRequested = default)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            await output.WriteLineAsync(SiloArguments.Usage);
            return 0;
        }

        SiloOptions options;
        SimulatedSilo silo;
        GatewayToken? token = null;
        var hostErrors = 0;
        try
        {
            options = SiloArguments.Parse(args);
            if (options.GatewayPort is not null)
            {
                // Validated first: a bad setting must not leave a new token file behind.
                SiloOptionsValidator.Validate(options);
                token = ReadToken(options.GatewayTokenFile);
            }

            silo = await SimulatedSilo.CreateAsync(options, onError: e =>
            {
                Interlocked.Increment(ref hostErrors);
                errors.WriteLine($"grain host: {e}");
            });
        }
        catch (ConfigurationException e)
        {
            await errors.WriteLineAsync($"Cannot start: {e.Message}");
            return 2;
        }

        await using (silo)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(stopRequested);
            void OnCancel(object? sender, ConsoleCancelEventArgs e)
            {
                e.Cancel = true;
                stop.Cancel();
            }

            Console.CancelKeyPress += OnCancel;
            await output.WriteLineAsync(silo.Data.Notice);
            var kept = silo.Ledger.Committer.IsJournal && options.LedgerJournal is null ? " (deleted at exit; --ledger-journal FILE keeps it)" : "";
            await output.WriteLineAsync($"Ledger: {silo.Ledger.Description}{kept}");
            await output.WriteLineAsync(silo.Link.Description);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Simulating {silo.Fleet.Nodes.Count} rooms in {options.Buildings} buildings, zone {silo.Zone}, from {silo.Data.Scenario.Start:yyyy-MM-dd} for {options.Days} days. Ctrl+C stops early and still writes the report."));
            var runner = new SimulationRunner(silo);
            GatewayServer? gateway = null;
            if (token is not null)
            {
                try
                {
                    gateway = await StartGatewayAsync(silo, runner, token, options, output);
                }
                catch (ConfigurationException e)
                {
                    Console.CancelKeyPress -= OnCancel;
                    await errors.WriteLineAsync($"Cannot start: {e.Message}");
                    return 2;
                }
            }

            await using var gatewayScope = gateway;
            var summary = await runner.RunAsync(s => Show(s, options, silo.Data.Notice, output), stop.Token);

            var settings = string.Join(" ", args.Length > 0 ? args : ["(defaults)"]);
            await silo.LedgerGrain.CloseDueEpochs();
            var ledger = await silo.LedgerGrain.GetStatus();
            var report = SummaryText.Report(summary, silo.Data.Notice, settings, silo.Data.IsSynthetic) + $"{Environment.NewLine}Ledger: {ledger.Summary}{Environment.NewLine}";
            await File.WriteAllTextAsync(options.ReportFile, report);
            await output.WriteLineAsync();
            await output.WriteLineAsync(SummaryText.Line(summary));
            await output.WriteLineAsync($"Report written to {Path.GetFullPath(options.ReportFile)}");
            await output.WriteLineAsync($"Ledger: {ledger.Summary}");
            if (silo.Devices.Rejected > 0 || ledger.Rejected > 0)
            {
                await output.WriteLineAsync($"Receipts refused: {ledger.Rejected}");
            }

            await silo.History.FlushAsync();
            await output.WriteLineAsync($"History: {silo.History.Recorder.WrittenPoints:N0} points in the {silo.History.Description}");
            if (silo.Link is Mqtt.MqttFleetLink mqtt)
            {
                await output.WriteLineAsync($"MQTT ingest: {mqtt.Ingest.Applied:N0} messages applied, {mqtt.Ingest.Rejected:N0} rejected; commands: {mqtt.Devices.Arrived:N0} delivered, {mqtt.CommandsFailed:N0} failed");
            }

            if (runner.TelemetryRejected > 0)
            {
                await output.WriteLineAsync($"Telemetry reports rejected: {runner.TelemetryRejected}");
            }

            if (gateway is not null && !stop.IsCancellationRequested)
            {
                await output.WriteLineAsync("The gateway keeps serving the final state to web hosts; Ctrl+C stops.");
                await Task.Delay(Timeout.InfiniteTimeSpan, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            Console.CancelKeyPress -= OnCancel;
        }

        return hostErrors == 0 ? 0 : 1;
    }

    private static GatewayToken ReadToken(string file)
    {
        try
        {
            return GatewayToken.ReadOrCreate(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new ConfigurationException("--gateway-token-file", $"'{file}' cannot be used: {e.Message}", "name a readable file holding a token of 16 or more characters, or a new file to create.");
        }
    }

    private static async Task<GatewayServer> StartGatewayAsync(SimulatedSilo silo, SimulationRunner runner, GatewayToken token, SiloOptions options, TextWriter output)
    {
        var backend = new SimulatedSiloBackend(silo, () => runner.Finished, TimeProvider.System);
        runner.StepCompleted = backend.Ticks.Publish;
        GatewayServer gateway;
        try
        {
            gateway = await GatewayServer.StartAsync(backend, token, options.GatewayPort!.Value, logToConsole: true);
        }
        catch (IOException e)
        {
            throw new ConfigurationException("--gateway-port", $"{options.GatewayPort} cannot be used ({e.Message}).", "pick a free port, or 0 for any free port.");
        }

        await output.WriteLineAsync($"Gateway for web hosts: {gateway.BaseAddress} (bearer token in {Path.GetFullPath(options.GatewayTokenFile)})");
        return gateway;
    }

    private static Task Show(FleetSummary summary, SiloOptions options, string notice, TextWriter output)
    {
        if (options.Live)
        {
            // Home the cursor and clear: one screen, redrawn each simulated hour.
            return output.WriteAsync("\u001b[H\u001b[2J" + SummaryText.Screen(summary, notice));
        }

        return summary.Elapsed.TotalHours % 6 < 1 ? output.WriteLineAsync(SummaryText.Line(summary)) : Task.CompletedTask;
    }
}
