using GreenCompute.Core.Ledger;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Signing;

namespace GreenCompute.Grains.Ledger.Receipts;

/// <summary>
/// The device side: signs meter readings and task completions with the device key generated at pairing
/// (<see cref="PrivateKey.Generate"/>), as EIP-712 typed data in <see cref="ReceiptDomain"/>. Deterministic (RFC 6979).
/// </summary>
public sealed class ReceiptSigner(PrivateKey deviceKey, ReceiptDomain domain)
{
    /// <summary>The device address the ledger pairs the node with.</summary>
    public Address Device => deviceKey.Address;

    public SignedMeterReading Sign(MeterReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return new SignedMeterReading(reading, HexConverter.ToHex(ReceiptTypedData.For(reading, domain).Sign(deviceKey).ToRsv()));
    }

    public SignedTaskCompletion Sign(TaskCompletion completion)
    {
        ArgumentNullException.ThrowIfNull(completion);
        return new SignedTaskCompletion(completion, HexConverter.ToHex(ReceiptTypedData.For(completion, domain).Sign(deviceKey).ToRsv()));
    }
}
