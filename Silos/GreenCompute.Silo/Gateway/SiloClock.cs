namespace GreenCompute.Silo.Gateway;

/// <summary>The silo's (simulated) time, whether its data has run out, and how many fleet steps it has taken.</summary>
internal sealed record SiloClock(DateTimeOffset Now, bool Finished, long Steps);
