using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GreenCompute.Mqtt.Tests.Conformance.Replay;

/// <summary>One step of a mosquitto test/lib fake-broker script, parsed from the Python line the vector file keeps.</summary>
internal sealed partial record ReplayStep(ReplayStepKind Kind, string Connection, string Name, byte[] Bytes, double Seconds = 0)
{
    public static Dictionary<string, byte[]> Packets(JsonElement scenario) =>
        scenario.GetProperty("packets_hex").EnumerateObject().ToDictionary(p => p.Name, p => Convert.FromHexString(p.Value.GetString()!));

    public static List<ReplayStep> Parse(JsonElement scenario)
    {
        var packets = Packets(scenario);
        var steps = new List<ReplayStep>();
        foreach (var line in scenario.GetProperty("steps").EnumerateArray().Select(s => s.GetString()!))
        {
            if (Accept().Match(line) is { Success: true } accept)
            {
                steps.Add(new(ReplayStepKind.Accept, accept.Groups[1].Value, "accept", []));
            }
            else if (ReceiveSend().Match(line) is { Success: true } rs)
            {
                steps.Add(new(ReplayStepKind.Expect, rs.Groups[1].Value, rs.Groups[4].Value, packets[rs.Groups[2].Value]));
                steps.Add(new(ReplayStepKind.Send, rs.Groups[1].Value, rs.Groups[3].Value, packets[rs.Groups[3].Value]));
            }
            else if (SendReceive().Match(line) is { Success: true } sr)
            {
                steps.Add(new(ReplayStepKind.Send, sr.Groups[1].Value, sr.Groups[2].Value, packets[sr.Groups[2].Value]));
                steps.Add(new(ReplayStepKind.Expect, sr.Groups[1].Value, sr.Groups[4].Value, packets[sr.Groups[3].Value]));
            }
            else if (ExpectPacket().Match(line) is { Success: true } expect)
            {
                steps.Add(new(ReplayStepKind.Expect, expect.Groups[1].Value, expect.Groups[2].Value, packets[expect.Groups[3].Value]));
            }
            else if (Send().Match(line) is { Success: true } send)
            {
                steps.Add(new(ReplayStepKind.Send, send.Groups[1].Value, send.Groups[2].Value, packets[send.Groups[2].Value]));
            }
            else if (Close().Match(line) is { Success: true } close)
            {
                steps.Add(new(ReplayStepKind.Close, close.Groups[1].Value, "close", []));
            }
            else if (Sleep().Match(line) is { Success: true } sleep)
            {
                steps.Add(new(ReplayStepKind.Sleep, "", "sleep", [], double.Parse(sleep.Groups[1].Value, CultureInfo.InvariantCulture)));
            }
            else
            {
                throw new FormatException($"Unknown script line: {line}");
            }
        }

        return steps;
    }

    public override string ToString() => $"{Kind} {Connection} {Name} {Convert.ToHexString(Bytes).ToLowerInvariant()}".Trim();

    [GeneratedRegex(@"^\((conn\d*), address\) = sock\.accept\(\)$")]
    private static partial Regex Accept();

    [GeneratedRegex(@"^mosq_test\.do_receive_send\((conn\d*), (\w+), (\w+), ""([^""]*)""\)$")]
    private static partial Regex ReceiveSend();

    [GeneratedRegex(@"^mosq_test\.do_send_receive\((conn\d*), (\w+), (\w+), ""([^""]*)""\)$")]
    private static partial Regex SendReceive();

    [GeneratedRegex(@"^mosq_test\.expect_packet\((conn\d*), ""([^""]*)"", (\w+)\)$")]
    private static partial Regex ExpectPacket();

    [GeneratedRegex(@"^(conn\d*)\.send\((\w+)\)$")]
    private static partial Regex Send();

    [GeneratedRegex(@"^(conn\d*)\.close\(\)$")]
    private static partial Regex Close();

    [GeneratedRegex(@"^time\.sleep\(([\d.]+)\)$")]
    private static partial Regex Sleep();
}
