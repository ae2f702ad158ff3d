using GreenCompute.Core.Ledger;
using GreenCompute.Ethereum.Messages;

namespace GreenCompute.Grains.Ledger.Receipts;

/// <summary>Maps the core's receipts onto EIP-712 payloads with the types of <see cref="ReceiptTypes"/>.</summary>
internal static class ReceiptTypedData
{
    private static readonly Dictionary<string, IReadOnlyList<TypedDataField>> MeterTypes = new(StringComparer.Ordinal)
    {
        [ReceiptTypes.MeterReadingType] = Fields(ReceiptTypes.MeterReadingFields),
    };

    private static readonly Dictionary<string, IReadOnlyList<TypedDataField>> TaskTypes = new(StringComparer.Ordinal)
    {
        [ReceiptTypes.TaskCompletionType] = Fields(ReceiptTypes.TaskCompletionFields),
    };

    /// <exception cref="FormatException">The time is before 1970 or not a whole second.</exception>
    public static TypedData For(MeterReading reading, ReceiptDomain domain) => new(
        MeterTypes,
        ReceiptTypes.MeterReadingType,
        Domain(domain),
        new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["nodeId"] = reading.NodeId,
            ["sequence"] = reading.Sequence,
            ["time"] = UnixSeconds(reading.Time),
            ["counterWh"] = reading.CounterWh,
            ["roomWantedHeat"] = reading.RoomWantedHeat,
        });

    /// <exception cref="FormatException">The time is before 1970 or not a whole second, or the output hash is not 32 bytes of hex.</exception>
    public static TypedData For(TaskCompletion completion, ReceiptDomain domain) => new(
        TaskTypes,
        ReceiptTypes.TaskCompletionType,
        Domain(domain),
        new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["nodeId"] = completion.NodeId,
            ["sequence"] = completion.Sequence,
            ["time"] = UnixSeconds(completion.Time),
            ["jobId"] = completion.JobId,
            ["taskId"] = completion.TaskId,
            ["coreSeconds"] = completion.CoreSeconds,
            ["outputHash"] = OutputHash(completion.OutputHash),
        });

    private static Dictionary<string, object?> Domain(ReceiptDomain domain) => new(StringComparer.Ordinal)
    {
        ["name"] = ReceiptTypes.DomainName,
        ["version"] = ReceiptTypes.DomainVersion,
        ["chainId"] = domain.ChainId,
        ["verifyingContract"] = domain.VerifyingContract,
    };

    private static ulong UnixSeconds(DateTimeOffset time)
    {
        var seconds = time.ToUnixTimeSeconds();
        return seconds >= 0 && time.UtcTicks % TimeSpan.TicksPerSecond == 0
            ? (ulong)seconds
            : throw new FormatException($"A receipt time is a whole second after 1970, got {time:O}.");
    }

    private static byte[] OutputHash(string? text) =>
        text is { Length: 66 } && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? Ethereum.Hex.HexConverter.FromHex(text)
            : throw new FormatException("The output hash is 0x + 64 hex digits.");

    private static TypedDataField[] Fields(IReadOnlyList<(string Name, string Type)> fields) =>
        [.. fields.Select(f => new TypedDataField(f.Name, f.Type))];
}
