namespace GreenCompute.Core.Ledger;

/// <summary>
/// One energy-counter reading as the device signs it (EIP-712 type <c>MeterReading</c>, see <see cref="ReceiptTypes"/>).
/// <see cref="CounterWh"/> is the device's monotonic energy counter in whole Wh (the EdgeAgent floors its meter);
/// <see cref="RoomWantedHeat"/> says whether the room wanted heat during the interval this reading closes (since the
/// previous reading). <see cref="Sequence"/> is the device's receipt sequence, shared with task completions.
/// </summary>
public sealed record MeterReading(string NodeId, ulong Sequence, DateTimeOffset Time, ulong CounterWh, bool RoomWantedHeat);
