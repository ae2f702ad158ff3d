using GreenCompute.Contracts.Artifacts;
using GreenCompute.Ethereum.Abi;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.JsonRpc;

namespace GreenCompute.Contracts;

/// <summary>
/// The plumbing every binding shares: calls (eth_call), sends (signed by <see cref="Sender"/>), deployment and log
/// decoding, with reverts decoded against the contract's errors (plus any a callee may bubble up).
/// </summary>
internal sealed class DeployedContract(ContractArtifact artifact, Address address, TransactionSender sender, IReadOnlyList<AbiError> errors)
{
    public ContractArtifact Artifact { get; } = artifact;

    public Address Address { get; } = address;

    public TransactionSender Sender { get; } = sender;

    public IReadOnlyList<AbiError> Errors { get; } = errors;

    public static async Task<Address> DeployAsync(ContractArtifact artifact, TransactionSender sender, IReadOnlyList<AbiError> errors, CancellationToken cancellationToken, params object?[] constructorArguments)
    {
        var request = new TransactionRequest { Data = artifact.EncodeDeployment(constructorArguments) };
        var receipt = await sender.SendAndWaitAsync(request, errors, cancellationToken).ConfigureAwait(false);
        return receipt.ContractAddress ?? throw new InvalidOperationException($"Deploying {artifact.Name}: receipt {receipt.TransactionHash} has no contract address.");
    }

    public DeployedContract Connect(TransactionSender other) => new(Artifact, Address, other, Errors);

    public async Task<object?[]> CallAsync(string function, CancellationToken cancellationToken, params object?[] arguments)
    {
        var abi = Artifact.Function(function);
        var request = new CallRequest { From = Sender.From, To = Address, Data = abi.EncodeCall(arguments) };
        var output = await Sender.Client.CallAsync(request, BlockTag.Latest, Errors, cancellationToken).ConfigureAwait(false);
        return abi.DecodeOutput(output);
    }

    public Task<TransactionReceipt> SendAsync(string function, CancellationToken cancellationToken, params object?[] arguments) =>
        SendAsync(function, gasLimit: null, cancellationToken, arguments);

    public Task<TransactionReceipt> SendAsync(string function, ulong? gasLimit, CancellationToken cancellationToken, params object?[] arguments)
    {
        var request = new TransactionRequest { To = Address, Data = Artifact.Function(function).EncodeCall(arguments), GasLimit = gasLimit };
        return Sender.SendAndWaitAsync(request, Errors, cancellationToken);
    }

    /// <summary>Decodes this contract's logs of <paramref name="eventName"/> (others are skipped).</summary>
    public IEnumerable<(LogEntry Log, object?[] Values)> DecodeLogs(IEnumerable<LogEntry> logs, string eventName)
    {
        var abiEvent = Artifact.Event(eventName);
        return logs
            .Where(log => log.Address == Address && log.Topics.Count > 0 && log.Topics[0].AsSpan().SequenceEqual(abiEvent.Topic0))
            .Select(log => (log, abiEvent.DecodeLog(log.Topics, log.Data)));
    }

    /// <summary>eth_getLogs for one event of this contract, optionally filtered on the first indexed parameter.</summary>
    public async Task<IEnumerable<(LogEntry Log, object?[] Values)>> GetLogsAsync(string eventName, string fromBlock, byte[]? firstIndexedTopic, CancellationToken cancellationToken)
    {
        var abiEvent = Artifact.Event(eventName);
        IReadOnlyList<IReadOnlyList<byte[]>?> topics = firstIndexedTopic is null ? [[abiEvent.Topic0]] : [[abiEvent.Topic0], [firstIndexedTopic]];
        var filter = new LogFilter { FromBlock = fromBlock, Addresses = [Address], Topics = topics };
        var logs = await Sender.Client.GetLogsAsync(filter, cancellationToken).ConfigureAwait(false);
        return DecodeLogs(logs, eventName);
    }
}
