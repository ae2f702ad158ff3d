using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace GreenCompute.EdgeAgent.Kernels;

/// <summary>
/// The child process: <c>kernel NAME --units N --dir FOLDER --seed TEXT [--input FILE] [--checkpoint-seconds S]</c>.
/// Continues from FOLDER/checkpoint when one matches, checkpoints every S seconds (atomically: temp file, fsync,
/// rename), and writes FOLDER/output. Talks to the agent in lines: stdout <c>progress D N</c>, <c>checkpointed D</c>,
/// <c>paused D</c>, <c>completed SHA256</c>; stdin <c>pause</c> (checkpoint at the next chunk and exit 3) and
/// <c>checkpoint</c>. Exit codes: 0 done, 3 paused, 2 bad arguments.
/// </summary>
internal static class KernelProgram
{
    public const int ExitPaused = 3;
    public const int ExitBadArguments = 2;
    public const string CheckpointFile = "checkpoint";
    public const string OutputFile = "output";

    public static int Run(string[] args, TextReader input, TextWriter output)
    {
        if (!TryParse(args, out var name, out var units, out var folder, out var seed, out var checkpointEvery, out var problem))
        {
            Console.Error.WriteLine($"kernel: {problem}");
            return ExitBadArguments;
        }

        var checkpointPath = Path.Combine(folder, CheckpointFile);
        var kernel = LoadCheckpoint(checkpointPath, name, units) ?? KernelCatalog.Start(name, seed);
        var pause = 0;
        var checkpointNow = 0;
        var listener = new Thread(() =>
        {
            while (input.ReadLine() is { } line)
            {
                if (line == "pause")
                {
                    Volatile.Write(ref pause, 1);
                }
                else if (line == "checkpoint")
                {
                    Volatile.Write(ref checkpointNow, 1);
                }
            }
        })
        { IsBackground = true };
        listener.Start();

        var chunk = Math.Clamp(units / 200, 1, 100_000);
        var sinceCheckpoint = Stopwatch.StartNew();
        while (kernel.Done < units)
        {
            kernel.RunTo(Math.Min(units, kernel.Done + chunk));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"progress {kernel.Done} {units}"));
            var pausing = Volatile.Read(ref pause) == 1 && kernel.Done < units;
            if (pausing || Interlocked.Exchange(ref checkpointNow, 0) == 1 || sinceCheckpoint.Elapsed >= checkpointEvery)
            {
                Save(checkpointPath, name, units, kernel);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"checkpointed {kernel.Done}"));
                sinceCheckpoint.Restart();
            }

            if (pausing)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"paused {kernel.Done}"));
                output.Flush();
                return ExitPaused;
            }

            output.Flush();
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(kernel.Output(units));
        WriteAtomically(Path.Combine(folder, OutputFile), bytes);
        File.Delete(checkpointPath);
        output.WriteLine($"completed {Convert.ToHexStringLower(SHA256.HashData(bytes))}");
        output.Flush();
        return 0;
    }

    private static IKernel? LoadCheckpoint(string path, string name, long units)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var lines = File.ReadAllLines(path);
        // A checkpoint of another kernel or size is not ours to continue: start over rather than compute garbage.
        return lines.Length == 3 && lines[0] == name && lines[1] == units.ToString(CultureInfo.InvariantCulture)
            ? KernelCatalog.Load(name, lines[2])
            : null;
    }

    private static void Save(string path, string name, long units, IKernel kernel) =>
        WriteAtomically(path, System.Text.Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{name}\n{units}\n{kernel.SaveState()}\n")));

    internal static void WriteAtomically(string path, byte[] bytes)
    {
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }

    private static bool TryParse(string[] args, out string name, out long units, out string folder, out byte[] seed, out TimeSpan checkpointEvery,
        out string problem)
    {
        name = "";
        units = 0;
        folder = "";
        seed = [];
        checkpointEvery = TimeSpan.FromSeconds(60);
        problem = "";
        if (args.Length == 0 || !KernelCatalog.TryResolve(args[0], out name))
        {
            problem = $"first argument must be a kernel: {string.Join(", ", KernelCatalog.Aliases.Keys)}";
            return false;
        }

        string? seedText = null;
        string? inputFile = null;
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--units" when long.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var u) && u > 0:
                    units = u;
                    break;
                case "--dir":
                    folder = args[i + 1];
                    break;
                case "--seed":
                    seedText = args[i + 1];
                    break;
                case "--input":
                    inputFile = args[i + 1];
                    break;
                case "--checkpoint-seconds" when double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0:
                    checkpointEvery = TimeSpan.FromSeconds(s);
                    break;
                default:
                    problem = $"bad option '{args[i]} {args[i + 1]}'";
                    return false;
            }
        }

        seed = inputFile is not null && File.Exists(inputFile) ? File.ReadAllBytes(inputFile) : KernelCatalog.SeedOf(seedText ?? "");
        problem = units <= 0 ? "--units N (N > 0) is required" : !Directory.Exists(folder) ? $"--dir '{folder}' is not a folder" : "";
        return problem.Length == 0;
    }
}
