namespace GreenCompute.Simulation.Data;

/// <summary>A half-open interval of instants [Start, End).</summary>
public readonly record struct TimeRange(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Length => End - Start;

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    public override string ToString() => $"{Start:yyyy-MM-dd HH:mm}Z…{End:yyyy-MM-dd HH:mm}Z";
}
