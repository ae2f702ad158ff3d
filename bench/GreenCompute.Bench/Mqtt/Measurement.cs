namespace GreenCompute.Bench.Mqtt;

/// <summary>One pub → broker → sub run: flood throughput (messages/s received) and paced one-at-a-time latency.</summary>
internal sealed record Measurement(double MessagesPerSecond, double P50Ms, double P99Ms, long Lost)
{
    public static double Percentile(List<double> values, double p)
    {
        values.Sort();
        return values.Count == 0 ? double.NaN : values[Math.Min(values.Count - 1, (int)Math.Ceiling(p * values.Count) - 1)];
    }
}
