namespace GreenCompute.Core.Ledger;

/// <summary>
/// The EIP-712 definitions devices sign receipts with, as data (the Ethereum encoding lives in the grains).
/// Domain: name "GreenCompute", version "1", chainId = the ledger's chain, verifyingContract = the
/// ContributionLedger address (without a chain: the configured chain id and the zero address).
/// Value mapping: <c>time</c> is Unix seconds; <c>outputHash</c> is the 32-byte hash; strings are UTF-8.
/// </summary>
public static class ReceiptTypes
{
    public const string DomainName = "GreenCompute";

    public const string DomainVersion = "1";

    public const string MeterReadingType = "MeterReading";

    public const string TaskCompletionType = "TaskCompletion";

    /// <summary><c>MeterReading(string nodeId,uint64 sequence,uint64 time,uint64 counterWh,bool roomWantedHeat)</c>.</summary>
    public static IReadOnlyList<(string Name, string Type)> MeterReadingFields { get; } =
    [
        ("nodeId", "string"),
        ("sequence", "uint64"),
        ("time", "uint64"),
        ("counterWh", "uint64"),
        ("roomWantedHeat", "bool"),
    ];

    /// <summary>
    /// <c>TaskCompletion(string nodeId,uint64 sequence,uint64 time,string jobId,string taskId,uint64 coreSeconds,bytes32 outputHash)</c>.
    /// </summary>
    public static IReadOnlyList<(string Name, string Type)> TaskCompletionFields { get; } =
    [
        ("nodeId", "string"),
        ("sequence", "uint64"),
        ("time", "uint64"),
        ("jobId", "string"),
        ("taskId", "string"),
        ("coreSeconds", "uint64"),
        ("outputHash", "bytes32"),
    ];
}
