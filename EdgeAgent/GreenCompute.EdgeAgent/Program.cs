using GreenCompute.EdgeAgent.Configuration;
using GreenCompute.EdgeAgent.Content;
using GreenCompute.EdgeAgent.Kernels;
using GreenCompute.EdgeAgent.Messaging;
using GreenCompute.EdgeAgent.Pairing;
using GreenCompute.EdgeAgent.Sandbox;
using GreenCompute.EdgeAgent.Sensors;
using Microsoft.Extensions.Logging;

// The agent is a Linux program: sysfs sensors, cgroups, signals, util-linux sandbox tools.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

namespace GreenCompute.EdgeAgent;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "kernel")
        {
            return KernelProgram.Run(args[1..], Console.In, Console.Out);
        }

        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(AgentArguments.Help);
            return 0;
        }

        AgentOptions options;
        try
        {
            options = AgentArguments.Parse(args.Length > 0 && args[0] == "probe" ? args[1..] : args);
        }
        catch (ArgumentException error)
        {
            Console.Error.WriteLine($"edge agent: {error.Message}");
            return 2;
        }

        if (args.Length > 0 && args[0] == "probe")
        {
            Console.Write(Probe(options));
            return 0;
        }

        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(c =>
        {
            c.SingleLine = true;
            c.TimestampFormat = "HH:mm:ss ";
        }));
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        // systemd and `kill` stop with SIGTERM: the same orderly shutdown as Ctrl+C (status offline, outbox kept).
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        try
        {
            return await RunAsync(options, loggers, stop.Token);
        }
        catch (OperationCanceledException)
        {
            return 0;
        }
    }

    private static async Task<int> RunAsync(AgentOptions options, ILoggerFactory loggers, CancellationToken stop)
    {
        Directory.CreateDirectory(options.StateFolder);
        var key = DeviceKeyStore.LoadOrCreate(options.StateFolder);
        string nodeId;
        BrokerEndpoint broker;
        if (options.NodeId is { } explicitId)
        {
            (nodeId, broker) = (explicitId, new BrokerEndpoint(options.BrokerHost, options.BrokerPort, options.UserName, options.Password));
        }
        else if (PairingClient.LoadCredentials(options.StateFolder) is { } stored)
        {
            (nodeId, broker) = (stored.NodeId, new BrokerEndpoint(stored.Host, stored.Port, stored.Username, stored.Password));
        }
        else if (options.PairingServer is { } server)
        {
            using var http = new HttpClient { BaseAddress = server };
            var pairing = new PairingClient(http, options.StateFolder, TimeProvider.System, loggers.CreateLogger("GreenCompute.EdgeAgent.Pairing"));
            var code = pairing.ClaimCodeFor();
            Console.WriteLine(PairingScreen.Render(code, key.Address.ToString(), server));
            AgentCredentials credentials;
            try
            {
                credentials = await pairing.PairAsync(new PairingRequest(code, key.Address.ToString(), options.Heater.Cores,
                    options.Heater.MaxPower.Value, typeof(Program).Assembly.GetName().Version?.ToString() ?? "0"), stop);
            }
            catch (Exception error) when (error is HttpRequestException or InvalidDataException or System.Text.Json.JsonException)
            {
                Console.Error.WriteLine($"edge agent: pairing failed: {error.Message}");
                return 1;
            }

            (nodeId, broker) = (credentials.NodeId, new BrokerEndpoint(credentials.Host, credentials.Port, credentials.Username, credentials.Password));
        }
        else
        {
            Console.Error.WriteLine("edge agent: not paired and no --node-id given: start with --pair URL (the Web host) or --node-id ID --broker HOST:PORT");
            return 2;
        }

        using var contentHttp = options.ContentServer is { } content ? new HttpClient { BaseAddress = content } : null;
        await using var agent = new AgentHost(options, nodeId, broker, TimeProvider.System, loggers,
            contentHttp is null ? null : new HttpContentClient(contentHttp, broker.UserName ?? nodeId, broker.Password));
        Console.WriteLine($"EdgeAgent {nodeId}: device {agent.Key.Address}, broker {broker.Host}:{broker.Port}, power cap via {agent.LimiterNote}; "
            + (agent.SandboxProblems.Count == 0 ? "sandbox ready" : "command workloads refused: " + string.Join("; ", agent.SandboxProblems)));
        await agent.StartAsync(stop);
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: fall through to the orderly shutdown (outbox kept, status offline).
        }

        return 0;
    }

    private static string Probe(AgentOptions options)
    {
        var cgroup = AgentHost.FindCgroup2Mount();
        var controllers = cgroup is not null && File.Exists(Path.Combine(cgroup, "cgroup.controllers"))
            ? File.ReadAllText(Path.Combine(cgroup, "cgroup.controllers")).Trim()
            : "";
        var sandbox = SandboxProbe.Problems(options.Sandbox, SandboxProbe.IsRoot());
        return SysfsProbe.Describe(options.SysRoot)
            + $"cgroup v2: {(cgroup is null ? "not mounted" : $"{cgroup}, controllers [{controllers}]")}; cpu.max "
            + $"{(controllers.Split(' ').Contains("cpu") ? "available" : "NOT available → power cap by SIGSTOP/SIGCONT duty cycling")}\n"
            + $"sandbox (uid {options.Sandbox.Uid}, no network, prlimit): {(sandbox.Count == 0 ? "enforceable" : string.Join("; ", sandbox))}\n";
    }
}
