using System.Numerics;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.JsonRpc;

namespace GreenCompute.Contracts.Payouts;

/// <summary>The Claimed event: <see cref="Amount"/> paid now, up to <see cref="CumulativeAmount"/> in total, proven against <see cref="Epoch"/>'s root.</summary>
public sealed record Claimed(Address Account, BigInteger Amount, BigInteger CumulativeAmount, ulong Epoch, LogEntry Log);
