namespace GreenCompute.Core.Ledger;

/// <summary>
/// Epoch numbering: epoch n covers [n·L, (n+1)·L) counted from 1970-01-01 UTC, L = <see cref="Length"/> (one hour by
/// default, a whole number of seconds). Epoch numbers are therefore never 0 for any real time, as the contract needs.
/// </summary>
public sealed record EpochClock
{
    public EpochClock(TimeSpan length)
    {
        if (length < TimeSpan.FromSeconds(1) || length.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "An epoch is a whole number of seconds, at least one.");
        }

        Length = length;
    }

    public static EpochClock Hourly { get; } = new(TimeSpan.FromHours(1));

    public TimeSpan Length { get; }

    public long EpochOf(DateTimeOffset time)
    {
        var seconds = time.ToUnixTimeSeconds();
        var length = (long)Length.TotalSeconds;
        var (quotient, remainder) = Math.DivRem(seconds, length);
        return remainder < 0 ? quotient - 1 : quotient;
    }

    public DateTimeOffset StartOf(long epoch) => DateTimeOffset.FromUnixTimeSeconds(epoch * (long)Length.TotalSeconds);

    public DateTimeOffset EndOf(long epoch) => StartOf(epoch + 1);
}
